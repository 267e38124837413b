import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { SettlementDocumentDetail } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DownloadIcon,
  Page,
  downloadFile,
  formatDate,
  formatNumber,
  useTranslation,
} from '@yoryo/ui'
import { Link, useParams } from 'react-router'
import { documentPdfPath, settlementQueries } from '../api.ts'

const signed = (n: number) => (n < 0 ? `−${formatNumber(-n)}` : formatNumber(n))

/**
 * F00 支払通知書 / 請求書（詳細） (`/settlement-documents/:id`): the document's amounts, its PDF,
 * and the lines it lists — each line opens its E10 contract month (and from there the penalty
 * lines and their slots).
 */
export function SettlementDocumentPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const doc = useQuery(settlementQueries.document(id))
  const data = doc.data
  return (
    <Page
      functionCode="F00"
      title={
        data
          ? t('settlement.document.title', {
              kind: t(`settlement.documentKind.${data.kind}`),
              documentNo: data.documentNo,
            })
          : t('functions.settlementDocuments')
      }
    >
      <Stack gap="md">
        <Anchor component={Link} to="/settlement-documents" fz="sm">
          {t('settlement.document.back')}
        </Anchor>
        {doc.error ? <ApiErrorAlert error={doc.error} /> : null}
        {doc.isPending ? <Skeleton h={240} /> : null}
        {data ? <DocumentView doc={data} /> : null}
      </Stack>
    </Page>
  )
}

function DocumentView({ doc }: { doc: SettlementDocumentDetail }) {
  const { t } = useTranslation()
  const yen = t('settlement.yen')
  const pdf = useMutation({
    mutationFn: () => downloadFile(documentPdfPath(doc.documentId), `${doc.documentNo}.pdf`),
  })
  const figures: [string, number, string?][] = [
    [t('settlement.fields.subtotal'), doc.subtotal],
    [t('settlement.fields.base'), doc.base],
    [t('settlement.fields.tax'), doc.tax],
    [
      doc.kind === 'invoice' ? t('settlement.document.billed') : t('settlement.document.payable'),
      doc.total,
      'document-total',
    ],
  ]
  return (
    <Stack gap="md">
      <Paper withBorder p="md" className="yoryo-panel">
        <Group justify="space-between" mb="sm">
          <Text fz="sm" c="dimmed">
            {doc.participantCode} {doc.participantName} · {doc.month} ·{' '}
            {t('settlement.fields.issuedOn')} {formatDate(doc.issuedOn)}
          </Text>
          <Button
            variant="default"
            size="xs"
            leftSection={<DownloadIcon size={14} />}
            loading={pdf.isPending}
            onClick={() => pdf.mutate()}
            data-testid="document-pdf"
          >
            {t('settlement.document.pdf')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          {figures.map(([label, value, testId]) => (
            <Stack gap={2} key={label}>
              <Text fz="xs" c="dimmed">
                {label}
              </Text>
              <Text
                fz={testId ? 'lg' : 'sm'}
                fw={testId ? 700 : 500}
                className="yoryo-numeric"
                data-testid={testId}
              >
                {signed(value)}
                <Text span fz="xs" c="dimmed" ml={4}>
                  {yen}
                </Text>
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {/* F10: the money side of the document. */}
        <Group gap="lg" mt="sm" fz="sm" data-testid="document-payment">
          <Text fz="sm">
            {t('payments.fields.dueDate')} <span className="yoryo-figures">{doc.dueDate}</span>
          </Text>
          <Text fz="sm">
            {t('payments.fields.paid')}{' '}
            <span className="yoryo-numeric">{formatNumber(doc.paid)}</span> {yen}
          </Text>
          <Text fz="sm">
            {t('payments.fields.openAmount')}{' '}
            <span className="yoryo-numeric">{formatNumber(doc.openAmount)}</span> {yen}
          </Text>
          <Text fz="sm" fw={600} c={doc.overdue ? 'red.8' : undefined}>
            {t(`payments.itemState.${doc.paymentState}`)}
            {doc.overdue ? `・${t('payments.overdue')}` : ''}
          </Text>
        </Group>
        {doc.relatedDocumentNo ? (
          <Text fz="sm" mt="sm">
            {doc.kind === 'invoice'
              ? t('settlement.document.relatedNotice', { documentNo: doc.relatedDocumentNo })
              : t('settlement.document.relatedInvoice', { documentNo: doc.relatedDocumentNo })}
          </Text>
        ) : null}
        {pdf.error ? <ApiErrorAlert error={pdf.error} mt="sm" /> : null}
      </Paper>
      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('settlement.document.lines')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" withTableBorder verticalSpacing={4} data-testid="document-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settlement.fields.contractNo')}</Table.Th>
                <Table.Th>{t('settlement.fields.resource')}</Table.Th>
                <Table.Th ta="right">{t('settlement.fields.monthlyAmount')}</Table.Th>
                <Table.Th ta="right">{t('settlement.fields.replacementAmount')}</Table.Th>
                <Table.Th ta="right">{t('settlement.fields.penalty')}</Table.Th>
                <Table.Th ta="right">{t('settlement.fields.net')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/contract-amounts/${l.id}`}
                      fz="sm"
                      className="yoryo-code"
                    >
                      {l.contractNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <span className="yoryo-code">{l.resourceCode}</span> {l.resourceName}
                    {l.kind === 'replacement' ? ` (${t('settlement.lineKind.replacement')})` : ''}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {signed(l.monthlyAmount)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {signed(l.replacementAmount)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {signed(-l.penalty)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric" fw={600}>
                    {signed(l.net)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  )
}
