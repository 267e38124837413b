import { Badge, Group, Paper, Skeleton, Stack, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ApiErrorAlert, Page, ValueRow, formatDateTime, useTranslation } from '@yoryo/ui'
import { useParams } from 'react-router'
import { expectedCapacityQueries } from '../api.ts'
import { FactorRows } from '../components/factor-rows.tsx'

/** 070 係数表の版 (`/factor-tables/:id`): every factor of one version, in force or not. */
export function FactorTablePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const table = useQuery(expectedCapacityQueries.factorTable(id))
  const v = table.data
  return (
    <Page functionCode="070" title={t('functions.factorTables')}>
      {table.error ? <ApiErrorAlert error={table.error} /> : null}
      {!v ? (
        table.isPending ? (
          <Skeleton h={320} />
        ) : null
      ) : (
        <Stack gap="md" data-testid="factor-table">
          <Paper withBorder p="md" className="yoryo-panel">
            <Stack gap="sm">
              <Group gap="sm">
                <Title order={2} className="yoryo-section-title">
                  {t('factorTables.version', { versionNo: v.versionNo })}
                </Title>
                <Badge variant="light" color={v.current ? 'green' : 'gray'}>
                  {v.current ? t('factorTables.currentBadge') : t('factorTables.supersededBadge')}
                </Badge>
              </Group>
              <dl className="yoryo-dl-table">
                <ValueRow label={t('factorTables.fields.note')} value={v.note} emptyText="—" />
                <ValueRow label={t('factorTables.fields.createdByName')} value={v.createdByName} />
                <ValueRow
                  label={t('factorTables.fields.createdAt')}
                  value={formatDateTime(v.createdAt)}
                />
                <ValueRow
                  label={t('factorTables.fields.supersededAt')}
                  value={v.supersededAt ? formatDateTime(v.supersededAt) : ''}
                  emptyText="—"
                />
              </dl>
            </Stack>
          </Paper>
          <FactorRows
            adjustmentFactors={v.adjustmentFactors}
            dispatchOrderFactors={v.dispatchOrderFactors}
          />
        </Stack>
      )}
    </Page>
  )
}
