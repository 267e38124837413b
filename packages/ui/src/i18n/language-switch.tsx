import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from './catalogue.ts'
import { isLanguage, useLanguage } from './i18n.ts'

/** 日本語 / English, persisted and shared by both SPAs. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation()
  const [language, setLanguage] = useLanguage()
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value)
      }}
      data={LANGUAGES.map((lng) => ({
        value: lng,
        label: <span lang={lng}>{t(`language.${lng}`)}</span>,
      }))}
      data-testid="language-switch"
    />
  )
}
