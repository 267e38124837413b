import { Stack, Title } from '@mantine/core'
import { useTranslation, ProfileView, ValueRow, ADMINISTRATOR_FIELDS, CODE_FIELDS } from '@yoryo/ui'
import { objectAt } from '../fields.ts'

/** A system use application read-only: the company (three groups) and the administrator. */
export function SystemUseView({
  proposed,
  testId,
  headingOrder = 3,
}: {
  proposed: { [key: string]: unknown }
  testId?: string
  /** Heading level of the groups (under the section's own heading by default). */
  headingOrder?: 2 | 3
}) {
  const { t } = useTranslation()
  const participant = objectAt(proposed.participant)
  const administrator = objectAt(proposed.administrator)
  return (
    <Stack gap="lg" data-testid={testId}>
      <ProfileView
        profile={participant}
        headingOrder={headingOrder}
        testId={testId ? `${testId}-profile` : undefined}
      />
      <section aria-labelledby={`${testId ?? 'system-use'}-administrator`}>
        <Title
          order={headingOrder}
          id={`${testId ?? 'system-use'}-administrator`}
          className="yoryo-section-title"
          mb="xs"
        >
          {t('systemUse.sections.administrator')}
        </Title>
        <dl className="yoryo-dl-table">
          {ADMINISTRATOR_FIELDS.map((field) => (
            <ValueRow
              key={field}
              label={t(`systemUse.administratorFields.${field}`)}
              value={typeof administrator[field] === 'string' ? administrator[field] : ''}
              code={CODE_FIELDS.has(field)}
              testId={`administrator-${field}`}
            />
          ))}
        </dl>
      </section>
    </Stack>
  )
}
