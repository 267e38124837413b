import { Group, SimpleGrid, Stack, Text } from '@mantine/core'
import type { AuditEntry } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'

/** A value as indented JSON (`null` / missing → なし). */
function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation()
  const empty = value === null || value === undefined
  return (
    <Stack gap={4}>
      <Text fz="xs" fw={700}>
        {label}
      </Text>
      {empty ? (
        <Text fz="xs" c="dimmed">
          {t('auditLog.noValue')}
        </Text>
      ) : (
        <pre className="yoryo-json" tabIndex={0} aria-label={label}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </Stack>
  )
}

/** Under an expanded row: the full IDs and the values before → after. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm" data-testid="audit-detail">
      <Group gap="xl">
        <Text fz="xs">
          <Text span c="dimmed" fz="xs">
            {t('auditLog.columns.entityId')}
            {t('common.labelSeparator')}
          </Text>
          <span className="yoryo-code">{entry.entityId}</span>
        </Text>
        <Text fz="xs">
          <Text span c="dimmed" fz="xs">
            {t('auditLog.columns.requestId')}
            {t('common.labelSeparator')}
          </Text>
          <span className="yoryo-code" data-testid="audit-request-id">
            {entry.requestId}
          </span>
        </Text>
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <JsonBlock label={t('auditLog.before')} value={entry.before} />
        <JsonBlock label={t('auditLog.after')} value={entry.after} />
      </SimpleGrid>
    </Stack>
  )
}
