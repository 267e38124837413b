import { Group, Stack, Table, Text } from '@mantine/core'
import {
  auditFieldLabel,
  auditFieldOrder,
  auditValueLabel,
  type AuditEntry,
} from '@yoryo/contracts'
import { formatDateTime, useLanguage, useTranslation } from '@yoryo/ui'

type Row = { key: string; before: unknown; after: unknown; changed: boolean }

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

const asObject = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null

/** The fields recorded before and after, in the order first seen; `value` for a bare value. */
export function auditRows(before: unknown, after: unknown): Row[] {
  const b = asObject(before)
  const a = asObject(after)
  if (
    (before !== null && before !== undefined && !b) ||
    (after !== null && after !== undefined && !a)
  ) {
    return [
      { key: 'value', before, after, changed: JSON.stringify(before) !== JSON.stringify(after) },
    ]
  }
  const keys = auditFieldOrder([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])
  return keys.map((key) => ({
    key,
    before: b?.[key],
    after: a?.[key],
    changed: b !== null && a !== null && JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }))
}

/** One recorded value as text: times in JST, codes by their label, lists joined. */
function useValueText(entityType: string) {
  const { t } = useTranslation()
  const [lang] = useLanguage()
  const text = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('auditDetail.none')
    if (typeof value === 'boolean') return value ? t('auditDetail.yes') : t('auditDetail.no')
    if (typeof value === 'string') {
      const label = auditValueLabel(entityType, key, value, lang)
      if (label) return label
      return ISO_TIME.test(value) ? formatDateTime(value) || value : value
    }
    if (Array.isArray(value)) return value.map((v) => text(key, v)).join('、')
    const object = asObject(value)
    // A reference (participant, user): its code or ID and name.
    if (object && ('code' in object || 'userId' in object) && 'name' in object) {
      return `${String(object.code ?? object.userId)} ${String(object.name)}`
    }
    return JSON.stringify(value)
  }
  return text
}

/** Under an expanded row: the full IDs, and before → after as a table of labelled fields. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const [lang] = useLanguage()
  const valueText = useValueText(entry.entityType)
  const rows = auditRows(entry.before, entry.after)
  const fieldLabel = (key: string) => auditFieldLabel(key, lang)
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
      {rows.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('auditLog.noValue')}
        </Text>
      ) : (
        <Table withTableBorder fz="xs" verticalSpacing={4} data-testid="audit-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('auditDetail.field')}</Table.Th>
              <Table.Th>{t('auditDetail.before')}</Table.Th>
              <Table.Th>{t('auditDetail.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.key}
                className={row.changed ? 'yoryo-tr-changed' : undefined}
                data-changed={row.changed || undefined}
              >
                <Table.Th scope="row" fw={row.changed ? 700 : 400}>
                  {fieldLabel(row.key)}
                  {row.changed ? (
                    <span className="yoryo-visually-hidden">（{t('auditDetail.changed')}）</span>
                  ) : null}
                </Table.Th>
                <Table.Td className="yoryo-break-anywhere">
                  {valueText(row.key, row.before)}
                </Table.Td>
                <Table.Td className="yoryo-break-anywhere">
                  {valueText(row.key, row.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
