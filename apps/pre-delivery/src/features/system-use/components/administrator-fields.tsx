import { Text, TextInput, Title, rem } from '@mantine/core'
import {
  useFieldErrorText,
  useTranslation,
  toHalfWidthAscii,
  FORM_ROW,
  type AdministratorField,
} from '@yoryo/ui'
import type { FocusEvent } from 'react'
import { get, useFormContext } from 'react-hook-form'

const FIELDS: Record<
  AdministratorField,
  { width: number; maxLength: number; type?: string; autoComplete: string; code?: boolean }
> = {
  userId: { width: 280, maxLength: 32, autoComplete: 'off', code: true },
  name: { width: 280, maxLength: 50, autoComplete: 'off' },
  email: { width: 360, maxLength: 254, type: 'email', autoComplete: 'off' },
  phone: { width: 200, maxLength: 15, type: 'tel', autoComplete: 'off', code: true },
}

/** The first administrator of a system use application (700), under `administrator.*`. */
export function AdministratorFields() {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const form = useFormContext()
  const { errors, isSubmitted } = form.formState
  return (
    <section aria-labelledby="system-use-administrator">
      <Title order={2} id="system-use-administrator" className="yoryo-section-title" mb="xs">
        {t('systemUse.sections.administrator')}
      </Title>
      <Text fz="sm" c="dimmed" mb="xs">
        {t('systemUse.sections.administratorNote')}
      </Text>
      <div className="yoryo-form-table">
        {(Object.keys(FIELDS) as AdministratorField[]).map((field) => {
          const props = FIELDS[field]
          const name = `administrator.${field}`
          const registered = form.register(name)
          const normalize = field === 'name' ? null : field === 'phone' ? 'phone' : 'ascii'
          return (
            <TextInput
              key={field}
              {...FORM_ROW}
              label={t(`systemUse.administratorFields.${field}`)}
              description={
                field === 'userId'
                  ? t('systemUse.hints.userId')
                  : field === 'phone'
                    ? t('participant.hints.phone')
                    : undefined
              }
              required
              maxLength={props.maxLength}
              type={props.type}
              autoComplete={props.autoComplete}
              spellCheck={false}
              styles={{ wrapper: { maxWidth: rem(props.width) } }}
              classNames={props.code ? { input: 'yoryo-code' } : undefined}
              {...registered}
              onBlur={(event: FocusEvent<HTMLInputElement>) => {
                if (normalize) {
                  const value = event.currentTarget.value
                  const next = toHalfWidthAscii(value, { hyphens: normalize === 'phone' }).trim()
                  if (next !== value) {
                    form.setValue(name, next, { shouldDirty: true, shouldValidate: isSubmitted })
                  }
                }
                return registered.onBlur(event)
              }}
              error={fieldErrorText(get(errors, name) as { message?: string } | undefined)}
            />
          )
        })}
      </div>
    </section>
  )
}
