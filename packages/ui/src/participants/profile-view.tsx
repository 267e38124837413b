import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import { CODE_FIELDS, PROFILE_GROUPS, useProfileValueText, type ProfileField } from './profile.ts'

export interface ProfileViewProps {
  profile: Partial<Record<ProfileField, unknown>>
  /** Heading level of the groups. */
  headingOrder?: 2 | 3
  /** Rows added at the end of a group (e.g. the participant code in 基本情報). */
  extra?: Partial<Record<'basic' | 'contact' | 'bank', ReactNode>>
  testId?: string
}

/** A participant's profile read-only, in the groups of the form (基本情報・連絡先・支払先口座). */
export function ProfileView({ profile, headingOrder = 2, extra, testId }: ProfileViewProps) {
  const { t } = useTranslation()
  const valueText = useProfileValueText()
  return (
    <Stack gap="lg" data-testid={testId}>
      {PROFILE_GROUPS.map(({ group, fields }) => {
        const id = `${testId ?? 'profile'}-${group}`
        return (
          <section key={group} aria-labelledby={id}>
            <Title order={headingOrder} id={id} className="yoryo-section-title" mb="xs">
              {t(`participant.sections.${group}`)}
            </Title>
            <dl className="yoryo-dl-table">
              {extra?.[group]}
              {fields.map((field) => (
                <ValueRow
                  key={field}
                  label={t(`participant.fields.${field}`)}
                  value={valueText(field, profile[field])}
                  code={CODE_FIELDS.has(field)}
                  testId={`profile-${field}`}
                />
              ))}
            </dl>
          </section>
        )
      })}
    </Stack>
  )
}

/** One row of a `.yoryo-dl-table`: the label at the left, the value (or 未入力) at the right. */
export function ValueRow({
  label,
  value,
  code = false,
  testId,
  emptyText,
}: {
  label: string
  value: ReactNode
  code?: boolean
  testId?: string
  /** Shown for an empty value (default: （未入力）). */
  emptyText?: string
}) {
  const { t } = useTranslation()
  const empty = value === '' || value === null || value === undefined
  return (
    <div>
      <dt>{label}</dt>
      <dd className={code ? 'yoryo-code' : undefined} data-testid={testId}>
        {empty ? (
          <Text span fz="sm" c="dimmed">
            {emptyText ?? t('applications.detail.empty')}
          </Text>
        ) : (
          value
        )}
      </dd>
    </div>
  )
}
