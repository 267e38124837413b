import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { documentKindOfDirection, type PaymentDetail } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  Page,
  formatDateTime,
  formatNumber,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { paymentQueries, useAllocatePayment, useReversePayment } from '../api.ts'
import { PaymentStateBadge } from '../components.tsx'

/**
 * F10 入出金（詳細） (`/payments/:id`): the payment as recorded, the documents it is matched
 * to (each opens its F00 document), and for the operator: match what is unmatched to an open
 * document of the participant, or reverse the payment with a reason (confirmed in a dialog).
 */
export function PaymentPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const payment = useQuery(paymentQueries.detail(id))
  const data = payment.data
  return (
    <Page
      functionCode="F10"
      title={
        data
          ? t('payments.detail.title', { reference: data.bankReference })
          : t('functions.payments')
      }
    >
      <Stack gap="md">
        <Anchor component={Link} to="/payments?view=payments" fz="sm">
          {t('payments.detail.back')}
        </Anchor>
        {payment.error ? <ApiErrorAlert error={payment.error} /> : null}
        {payment.isPending ? <Skeleton h={240} /> : null}
        {data ? <PaymentView payment={data} /> : null}
      </Stack>
    </Page>
  )
}

function PaymentView({ payment }: { payment: PaymentDetail }) {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const yen = (n: number) => t('payments.amountYen', { amount: formatNumber(n) })
  const rows: [string, ReactNode][] = [
    [t('payments.fields.direction'), t(`payments.direction.${payment.direction}`)],
    [
      t('payments.fields.participant'),
      `${payment.participantCode}\u3000${payment.participantName}`,
    ],
    [t('payments.fields.amount'), <span className="yoryo-numeric">{yen(payment.amount)}</span>],
    [
      t('payments.fields.allocated'),
      <span className="yoryo-numeric">{yen(payment.allocated)}</span>,
    ],
    [
      t('payments.fields.unallocated'),
      <span className="yoryo-numeric" data-testid="payment-unallocated">
        {yen(payment.unallocated)}
      </span>,
    ],
    [t('payments.fields.paymentState'), <PaymentStateBadge state={payment.state} />],
    [t('payments.fields.valueDate'), <span className="yoryo-figures">{payment.valueDate}</span>],
    [
      t('payments.fields.bankReference'),
      <span className="yoryo-code">{payment.bankReference}</span>,
    ],
    [t('payments.fields.counterpartyName'), payment.counterpartyName],
    [t('payments.fields.memo'), payment.memo || '—'],
    [t('payments.fields.source'), t(`payments.source.${payment.source}`)],
    [t('payments.fields.createdBy'), payment.createdByName],
    [t('payments.fields.createdAt'), formatDateTime(payment.createdAt)],
  ]
  return (
    <Stack gap="md">
      {payment.reversedAt ? (
        <Alert color="red" variant="light" data-testid="payment-reversed">
          {t('payments.detail.reversed', {
            at: formatDateTime(payment.reversedAt),
            by: payment.reversedByName ?? '',
            reason: payment.reversalReason ?? '',
          })}
        </Alert>
      ) : null}
      <Paper withBorder p="md" className="yoryo-panel" data-testid="payment-detail">
        <dl className="yoryo-dl">
          {rows.map(([label, value]) => (
            <div className="yoryo-dl-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Paper>
      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('payments.detail.allocations')}
        </Title>
        {payment.allocations.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('payments.detail.noAllocations')}
          </Text>
        ) : (
          <Table fz="sm" withTableBorder verticalSpacing={4} data-testid="payment-allocations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.fields.documentNo')}</Table.Th>
                <Table.Th>{t('payments.fields.kind')}</Table.Th>
                <Table.Th>{t('payments.fields.month')}</Table.Th>
                <Table.Th ta="right">{t('payments.fields.allocated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payment.allocations.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/settlement-documents/${a.documentId}`}
                      fz="sm"
                      className="yoryo-code"
                    >
                      {a.documentNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`payments.documentKind.${a.kind}`)}</Table.Td>
                  <Table.Td className="yoryo-figures">{a.month}</Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {formatNumber(a.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {isOperator && payment.state === 'unmatched' ? <MatchPanel payment={payment} /> : null}
      {isOperator && payment.state !== 'reversed' ? <ReversePanel payment={payment} /> : null}
    </Stack>
  )
}

function MatchPanel({ payment }: { payment: PaymentDetail }) {
  const { t } = useTranslation()
  const allocate = useAllocatePayment(payment.id)
  const [documentId, setDocumentId] = useState<string | null>(null)
  const [amount, setAmount] = useState<number | ''>('')
  const open = useQuery(
    paymentQueries.items({
      participantId: payment.participantId,
      kind: documentKindOfDirection[payment.direction],
      page: 1,
      pageSize: 100,
      sort: 'documentNo',
    }),
  )
  const items = (open.data?.items ?? []).filter((i) => i.openAmount > 0)
  const chosen = items.find((i) => i.id === documentId)
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="payment-match">
      <Title order={2} className="yoryo-section-title" mb="sm">
        {t('payments.detail.matchTitle')}
      </Title>
      {items.length === 0 && open.data ? (
        <Text fz="sm" c="dimmed">
          {t('payments.form.noDocuments')}
        </Text>
      ) : (
        <Group align="flex-end" gap="sm">
          <Select
            label={t('payments.fields.documentNo')}
            w={300}
            value={documentId}
            onChange={(v) => {
              setDocumentId(v)
              const item = items.find((i) => i.id === v)
              if (item) setAmount(Math.min(item.openAmount, payment.unallocated))
            }}
            data={items.map((i) => ({
              value: i.id,
              label: `${i.documentNo}（${t('payments.fields.openAmount')} ${formatNumber(i.openAmount)}）`,
            }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="match-document"
          />
          <NumberInput
            label={`${t('payments.form.matchAmount')}（${t('payments.yen')}）`}
            w={160}
            value={amount}
            onChange={(v) => setAmount(typeof v === 'number' ? v : '')}
            thousandSeparator=","
            allowDecimal={false}
            allowNegative={false}
            hideControls
            className="yoryo-numeric"
            data-testid="match-amount"
          />
          <Button
            disabled={!chosen || typeof amount !== 'number' || amount < 1}
            loading={allocate.isPending}
            onClick={() => {
              if (chosen && typeof amount === 'number') {
                allocate.mutate([{ documentId: chosen.id, amount }], {
                  onSuccess: () => {
                    setDocumentId(null)
                    setAmount('')
                  },
                })
              }
            }}
            data-testid="match-submit"
          >
            {t('payments.detail.match')}
          </Button>
        </Group>
      )}
      {allocate.error ? <ApiErrorAlert error={allocate.error} mt="sm" /> : null}
    </Paper>
  )
}

function ReversePanel({ payment }: { payment: PaymentDetail }) {
  const { t } = useTranslation()
  const reverse = useReversePayment(payment.id)
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <Group justify="flex-end">
      <Button
        color="red"
        variant="light"
        onClick={() => setConfirming(true)}
        data-testid="payment-reverse"
      >
        {t('payments.detail.reverse')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('payments.detail.reverseTitle')}
        danger
        message={
          <Stack gap="sm">
            <Text fz="sm">
              {t('payments.detail.reverseMessage', { reference: payment.bankReference })}
            </Text>
            <Textarea
              label={t('payments.detail.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
              required
              data-testid="reverse-reason"
            />
          </Stack>
        }
        confirmLabel={t('payments.detail.reverseConfirm')}
        loading={reverse.isPending}
        error={reverse.error}
        onClose={() => {
          setConfirming(false)
          reverse.reset()
        }}
        onConfirm={() => {
          if (!reason.trim()) return
          reverse.mutate(reason.trim(), { onSuccess: () => setConfirming(false) })
        }}
      />
    </Group>
  )
}
