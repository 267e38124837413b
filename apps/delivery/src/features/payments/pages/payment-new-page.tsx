import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  documentKindOfDirection,
  paymentDirections,
  type PaymentDirection,
  type PaymentItem,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DateField,
  Page,
  ParticipantSelect,
  formatNumber,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { paymentQueries, useRecordPayment } from '../api.ts'

/**
 * F10 入出金の登録 (`/payments/new`, operator): one bank payment — participant, direction,
 * amount, value date, bank reference, payer / payee and memo — and the amounts matched to that
 * participant's open documents of the direction's kind (invoices for 入金, payment notices for
 * 出金), each at most its open amount. What is not matched stays unmatched.
 */
export function PaymentNewPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const record = useRecordPayment()
  const [participantId, setParticipantId] = useState('')
  const [direction, setDirection] = useState<PaymentDirection>('paid')
  const [amount, setAmount] = useState<number | ''>('')
  const [valueDate, setValueDate] = useState('')
  const [bankReference, setBankReference] = useState('')
  const [counterpartyName, setCounterpartyName] = useState('')
  const [memo, setMemo] = useState('')
  const [matches, setMatches] = useState<Record<string, number | ''>>({})
  const [tried, setTried] = useState(false)
  const kind = documentKindOfDirection[direction]
  const open = useQuery({
    ...paymentQueries.items({
      participantId,
      kind,
      page: 1,
      pageSize: 100,
      sort: 'documentNo',
    }),
    enabled: participantId !== '',
  })
  const openItems = (open.data?.items ?? []).filter((i) => i.openAmount > 0)
  const allocations = openItems
    .map((i) => ({ documentId: i.id, amount: matches[i.id] }))
    .filter(
      (a): a is { documentId: string; amount: number } =>
        typeof a.amount === 'number' && a.amount > 0,
    )
  const sum = allocations.reduce((s, a) => s + a.amount, 0)
  const overOpen = (i: PaymentItem) => {
    const v = matches[i.id]
    return typeof v === 'number' && v > i.openAmount
  }
  const errors = {
    participantId: participantId === '' ? t('payments.form.required') : null,
    amount:
      typeof amount !== 'number' || amount < 1 || !Number.isInteger(amount)
        ? t('payments.form.invalidAmount')
        : null,
    valueDate: /^\d{4}-\d{2}-\d{2}$/.test(valueDate) ? null : t('payments.form.invalidDate'),
    bankReference: bankReference.trim() ? null : t('payments.form.required'),
    counterpartyName: counterpartyName.trim() ? null : t('payments.form.required'),
    sum: typeof amount === 'number' && sum > amount ? t('payments.form.tooMuch') : null,
    open: openItems.some(overOpen) ? t('payments.form.overOpen') : null,
  }
  const valid = Object.values(errors).every((e) => e === null)
  const shown = (e: string | null) => (tried ? e : null)
  const submit = () => {
    setTried(true)
    if (!valid || typeof amount !== 'number') return
    record.mutate(
      {
        direction,
        participantId,
        amount,
        valueDate,
        bankReference: bankReference.trim(),
        counterpartyName: counterpartyName.trim(),
        memo: memo.trim(),
        allocations,
      },
      { onSuccess: (done) => void navigate(`/payments/${done.id}`) },
    )
  }
  return (
    <Page
      functionCode="F10"
      title={t('payments.form.title')}
      description={t('payments.form.description')}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md" maw={880}>
          <Anchor component={Link} to="/payments?view=payments" fz="sm">
            {t('payments.detail.back')}
          </Anchor>
          <Paper withBorder p="md" className="yoryo-panel">
            <Stack gap="sm">
              <Group align="flex-start" gap="md" wrap="wrap">
                <ParticipantSelect
                  label={t('payments.fields.participant')}
                  value={participantId}
                  onChange={(v) => {
                    setParticipantId(v)
                    setMatches({})
                  }}
                  w={300}
                  required
                  error={shown(errors.participantId)}
                  data-testid="payment-participant"
                />
                <Stack gap={4}>
                  <Text fz="sm" fw={500}>
                    {t('payments.fields.direction')}
                  </Text>
                  <SegmentedControl
                    value={direction}
                    onChange={(v) => {
                      setDirection(v as PaymentDirection)
                      setMatches({})
                    }}
                    data={paymentDirections.map((d) => ({
                      value: d,
                      label: t(`payments.direction.${d}`),
                    }))}
                    data-testid="payment-direction"
                  />
                </Stack>
              </Group>
              <Group align="flex-start" gap="md" wrap="wrap">
                <NumberInput
                  label={`${t('payments.fields.amount')}（${t('payments.yen')}）`}
                  value={amount}
                  onChange={(v) => setAmount(typeof v === 'number' ? v : '')}
                  thousandSeparator=","
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  w={180}
                  required
                  error={shown(errors.amount)}
                  className="yoryo-numeric"
                  data-testid="payment-amount"
                />
                <DateField
                  label={t('payments.fields.valueDate')}
                  value={valueDate}
                  onChange={setValueDate}
                  w={160}
                  required
                  error={shown(errors.valueDate)}
                  data-testid="payment-value-date"
                />
                <TextInput
                  label={t('payments.fields.bankReference')}
                  value={bankReference}
                  onChange={(e) => setBankReference(e.currentTarget.value)}
                  maxLength={40}
                  w={200}
                  required
                  error={shown(errors.bankReference)}
                  className="yoryo-code"
                  data-testid="payment-reference"
                />
              </Group>
              <Group align="flex-start" gap="md" wrap="wrap">
                <TextInput
                  label={t('payments.fields.counterpartyName')}
                  value={counterpartyName}
                  onChange={(e) => setCounterpartyName(e.currentTarget.value)}
                  maxLength={100}
                  w={300}
                  required
                  error={shown(errors.counterpartyName)}
                  data-testid="payment-counterparty"
                />
                <TextInput
                  label={t('payments.fields.memo')}
                  value={memo}
                  onChange={(e) => setMemo(e.currentTarget.value)}
                  maxLength={200}
                  w={360}
                  data-testid="payment-memo"
                />
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md" className="yoryo-panel">
            <Title order={2} className="yoryo-section-title" mb="sm">
              {t('payments.form.documents')}
            </Title>
            {participantId === '' ? (
              <Text fz="sm" c="dimmed">
                {t('payments.form.chooseParticipant')}
              </Text>
            ) : open.error ? (
              <ApiErrorAlert error={open.error} />
            ) : open.data && openItems.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('payments.form.noDocuments')}
              </Text>
            ) : (
              <Table fz="sm" withTableBorder verticalSpacing={4} data-testid="payment-documents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payments.fields.documentNo')}</Table.Th>
                    <Table.Th>{t('payments.fields.month')}</Table.Th>
                    <Table.Th>{t('payments.fields.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('payments.fields.total')}</Table.Th>
                    <Table.Th ta="right">{t('payments.fields.openAmount')}</Table.Th>
                    <Table.Th ta="right" w={200}>
                      {t('payments.form.matchAmount')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {openItems.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td className="yoryo-code">{i.documentNo}</Table.Td>
                      <Table.Td className="yoryo-figures">{i.month}</Table.Td>
                      <Table.Td className="yoryo-figures" c={i.overdue ? 'red.8' : undefined}>
                        {i.dueDate}
                      </Table.Td>
                      <Table.Td ta="right" className="yoryo-numeric">
                        {formatNumber(i.total)}
                      </Table.Td>
                      <Table.Td ta="right" className="yoryo-numeric">
                        {formatNumber(i.openAmount)}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button
                            variant="subtle"
                            size="compact-xs"
                            onClick={() => setMatches((m) => ({ ...m, [i.id]: i.openAmount }))}
                            aria-label={`${t('payments.form.fill')} ${i.documentNo}`}
                          >
                            {t('payments.form.fill')}
                          </Button>
                          <NumberInput
                            size="xs"
                            w={110}
                            value={matches[i.id] ?? ''}
                            onChange={(v) =>
                              setMatches((m) => ({ ...m, [i.id]: typeof v === 'number' ? v : '' }))
                            }
                            thousandSeparator=","
                            allowDecimal={false}
                            allowNegative={false}
                            hideControls
                            error={overOpen(i)}
                            aria-label={`${t('payments.form.matchAmount')} ${i.documentNo}`}
                            className="yoryo-numeric"
                            data-testid={`match-${i.documentNo}`}
                          />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text fz="sm" mt="sm" ta="right" className="yoryo-numeric" data-testid="payment-sum">
              {t('payments.form.sum', {
                sum: formatNumber(sum),
                amount: formatNumber(typeof amount === 'number' ? amount : 0),
              })}
            </Text>
            {errors.sum || errors.open ? (
              <Alert color="red" variant="light" mt="sm">
                {errors.sum ?? errors.open}
              </Alert>
            ) : null}
          </Paper>
          {record.error ? <ApiErrorAlert error={record.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/payments?view=payments">
              {t('payments.form.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending} data-testid="payment-submit">
              {t('payments.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  )
}
