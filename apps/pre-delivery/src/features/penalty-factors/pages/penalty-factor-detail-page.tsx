import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { DocumentSummary } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  DownloadIcon,
  Page,
  ValueRow,
  createColumnHelper,
  downloadFile,
  formatDate,
  formatDateTime,
  formatNumber,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { penaltyQueries } from '../api.ts'
import { CalculationLines } from '../components/calculation-lines.tsx'

const documentColumn = createColumnHelper<DocumentSummary>()

function documentPdfPath(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/pdf`
}

/**
 * 190 ペナルティ要素の詳細 (`/penalty-factors/:id`): the factor, its calculation line by line (as the
 * rules engine returned it; a refund struck through) and its notices (算定額通知書) to download.
 */
export function PenaltyFactorDetailPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id = '' } = useParams()
  const record = useQuery(penaltyQueries.detail(id))
  const f = record.data
  const pdf = useMutation({
    mutationFn: (d: DocumentSummary) => downloadFile(documentPdfPath(d.id), `${d.documentNo}.pdf`),
  })
  const documentColumns = useMemo(
    () => [
      documentColumn.accessor('title', {
        header: t('penaltyFactors.detail.documents'),
        meta: { widthClass: 'name' },
      }),
      documentColumn.accessor('documentNo', {
        header: t('penaltyFactors.detail.documentNo'),
        meta: { widthClass: 'id', mono: true },
      }),
      documentColumn.accessor('issuedOn', {
        header: t('penaltyFactors.detail.issuedOn'),
        cell: (info) => formatDate(info.getValue()),
        meta: { widthClass: 'datetime' },
      }),
      documentColumn.display({
        id: 'download',
        header: '',
        cell: (info) => (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<DownloadIcon size={14} />}
            loading={pdf.isPending && pdf.variables?.id === info.row.original.id}
            onClick={() => pdf.mutate(info.row.original)}
            data-testid={`document-download-${info.row.original.documentNo}`}
          >
            {t('penaltyFactors.detail.download')}
          </Button>
        ),
        meta: { widthClass: 'actions' },
      }),
    ],
    [t, pdf],
  )
  const mayChange = session.user.role === 'operator' && !!f && !f.refundedAt
  return (
    <Page
      functionCode="190"
      title={t('penaltyFactors.detail.summary')}
      actions={
        <Group gap="xs">
          <Button variant="default" component={Link} to="/penalty-factors">
            {t('penaltyFactors.detail.back')}
          </Button>
          {mayChange ? (
            <Button component={Link} to={`/penalty-factors/${id}/edit`} data-testid="pen-change">
              {t('penaltyFactors.detail.change')}
            </Button>
          ) : null}
        </Group>
      }
    >
      {record.error ? <ApiErrorAlert error={record.error} /> : null}
      {!f ? (
        record.isPending ? (
          <Skeleton h={320} />
        ) : null
      ) : (
        <Stack gap="md" data-testid="pen-detail">
          {f.refundedAt ? (
            <Alert color="gray" data-testid="pen-refunded">
              {t('penaltyFactors.detail.refundedNote')}
            </Alert>
          ) : null}
          <Paper withBorder p="md" className="yoryo-panel">
            <Stack gap="sm">
              <Group gap="sm">
                <Title order={2} className="yoryo-section-title">
                  {f.factorNo}
                </Title>
                <Badge variant="light">{t(`penaltyFactors.factorType.${f.factorType}`)}</Badge>
              </Group>
              <dl className="yoryo-dl-table">
                <ValueRow
                  label={t('penaltyFactors.fields.participant')}
                  value={`${f.participant.code} ${f.participant.name}`}
                />
                <ValueRow
                  label={t('penaltyFactors.fields.resource')}
                  value={`${f.resource.code} ${f.resource.name}`}
                />
                <ValueRow
                  label={t('penaltyFactors.fields.contractNo')}
                  value={f.contract?.contractNo ?? ''}
                  code
                  testId="pen-contract"
                />
                <ValueRow label={t('penaltyFactors.fields.deliveryYear')} value={f.deliveryYear} />
                <ValueRow
                  label={t('penaltyFactors.fields.kw')}
                  value={formatNumber(f.kw)}
                  testId="pen-kw"
                />
                <ValueRow
                  label={t('penaltyFactors.fields.occurredOn')}
                  value={formatDate(f.occurredOn)}
                />
                <ValueRow label={t('penaltyFactors.fields.basis')} value={f.basis} />
                <ValueRow
                  label={t('penaltyFactors.fields.amount')}
                  value={f.refundedAt ? <s>{formatNumber(f.amount)}</s> : formatNumber(f.amount)}
                  testId="pen-amount"
                />
                <ValueRow
                  label={t('penaltyFactors.fields.netAmount')}
                  value={formatNumber(f.netAmount)}
                  testId="pen-net"
                />
                {f.refundedAt ? (
                  <ValueRow
                    label={t('penaltyFactors.fields.refundedAt')}
                    value={formatDateTime(f.refundedAt)}
                  />
                ) : null}
                <ValueRow label={t('penaltyFactors.fields.version')} value={f.version} />
              </dl>
            </Stack>
          </Paper>
          <CalculationLines calculation={f.calculation} />
          <Paper withBorder p="md" className="yoryo-panel">
            <Title order={2} className="yoryo-section-title" mb="xs">
              {t('penaltyFactors.detail.documents')}
            </Title>
            {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
            <DataTable
              label={t('penaltyFactors.detail.documents')}
              data={f.documents}
              columns={documentColumns}
              getRowId={(row) => row.id}
              emptyMessage={t('penaltyFactors.detail.noDocuments')}
              testId="pen-documents"
            />
          </Paper>
        </Stack>
      )}
    </Page>
  )
}
