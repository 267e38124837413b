import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import {
  contractCorrectionRequestSchema,
  deliveryMonths,
  rule,
  type ContractAmendment,
  type ContractDetail,
  type DocumentSummary,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  DataTable,
  DownloadIcon,
  Page,
  ValueRow,
  applyFieldErrors,
  canEditGroup,
  createColumnHelper,
  downloadFile,
  formatDate,
  formatDateTime,
  formatNumber,
  isShownOnFields,
  useFieldErrorText,
  useSession,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { Link, useParams } from 'react-router'
import { z } from 'zod'
import {
  contractQueries,
  documentPdfPath,
  useAnswerCorrection,
  useConfirmContract,
  useRequestCorrection,
} from '../api.ts'
import { ContractStateBadge } from '../components/contract-state-badge.tsx'

const documentColumn = createColumnHelper<DocumentSummary>()

/**
 * 130 契約詳細 (`/contracts/:id`): the terms, the twelve monthly amounts (April … March) with
 * their total, the changes and the documents; the participant confirms or asks for a correction,
 * the operator answers a correction request.
 */
export function ContractDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const detail = useQuery(contractQueries.detail(id))
  const contract = detail.data
  return (
    <Page
      functionCode="130"
      title={contract ? contract.contractNo : t('functions.contracts')}
      description={t('contracts.detail.description')}
    >
      <Stack gap="md">
        <Anchor component={Link} to="/contracts" fz="sm">
          {t('contracts.detail.back')}
        </Anchor>
        {detail.error ? <ApiErrorAlert error={detail.error} /> : null}
        {contract ? <Detail contract={contract} /> : detail.isPending ? <Skeleton h={480} /> : null}
      </Stack>
    </Page>
  )
}

function Detail({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const mayAct = canEditGroup(session, '130')
  const [dialog, setDialog] = useState<'confirm' | 'request' | 'answer' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const confirm = useConfirmContract(contract.id)
  const close = () => {
    confirm.reset()
    setDialog(null)
  }
  const runConfirm = async () => {
    try {
      await confirm.mutateAsync({ version: contract.version })
      setDone(t('contracts.actions.confirmed'))
      setDialog(null)
    } catch {
      // shown in the dialog
    }
  }
  const participantActs = !isOperator && mayAct && contract.state === 'draft'
  const operatorAnswers = isOperator && contract.state === 'correctionRequested'
  return (
    <Stack gap="md" data-testid="contract-detail">
      {done ? (
        <Alert color="green" data-testid="contract-done">
          {done}
        </Alert>
      ) : null}
      <Group justify="space-between" align="center">
        <Group gap="xs">
          <ContractStateBadge state={contract.state} />
          <Text fz="sm" c="dimmed">
            {contract.state === 'draft' && !isOperator
              ? t('contracts.detail.draftNotice')
              : contract.state === 'correctionRequested'
                ? isOperator
                  ? t('contracts.detail.operatorRequestedNotice')
                  : t('contracts.detail.requestedNotice')
                : null}
          </Text>
        </Group>
        {participantActs ? (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => setDialog('request')}
              data-testid="contract-request"
            >
              {t('contracts.actions.request')}
            </Button>
            <Button onClick={() => setDialog('confirm')} data-testid="contract-confirm">
              {t('contracts.actions.confirm')}
            </Button>
          </Group>
        ) : null}
        {operatorAnswers ? (
          <Button onClick={() => setDialog('answer')} data-testid="contract-answer">
            {t('contracts.actions.answer')}
          </Button>
        ) : null}
      </Group>
      <Terms contract={contract} />
      <MonthlyAmounts contract={contract} />
      <Amendments contract={contract} />
      <Documents documents={contract.documents} />
      <ConfirmDialog
        opened={dialog === 'confirm'}
        title={t('contracts.actions.confirmTitle')}
        message={t('contracts.actions.confirmMessage', { contractNo: contract.contractNo })}
        confirmLabel={t('contracts.actions.confirm')}
        loading={confirm.isPending}
        error={confirm.error}
        onConfirm={() => void runConfirm()}
        onClose={close}
      />
      <RequestDialog
        contract={contract}
        opened={dialog === 'request'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDone(t('contracts.actions.requested'))
          setDialog(null)
        }}
      />
      <AnswerDialog
        contract={contract}
        opened={dialog === 'answer'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDone(t('contracts.actions.answered'))
          setDialog(null)
        }}
      />
    </Stack>
  )
}

function Terms({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" className="yoryo-panel">
      <Title order={2} className="yoryo-section-title" mb="xs">
        {t('contracts.detail.terms')}
      </Title>
      <dl className="yoryo-dl-table" data-testid="contract-terms">
        <ValueRow label={t('contracts.fields.contractNo')} value={c.contractNo} code />
        <ValueRow
          label={t('contracts.fields.participant')}
          value={`${c.participantCode} ${c.participantName}`}
        />
        <ValueRow
          label={t('contracts.fields.resource')}
          value={`${c.resourceCode} ${c.resourceName}`}
        />
        <ValueRow
          label={t('contracts.fields.area')}
          value={t(`contracts.area.${c.resourceArea}`)}
        />
        <ValueRow label={t('contracts.fields.commissionedOn')} value={c.commissionedOn} />
        <ValueRow
          label={t('contracts.fields.auction')}
          value={
            <Anchor component={Link} to={`/auction-results/${c.auctionId}`} fz="sm">
              {c.auctionCode}
            </Anchor>
          }
        />
        <ValueRow
          label={t('contracts.fields.deliveryYear')}
          value={t('contracts.fiscalYear', { year: c.deliveryYear })}
        />
        <ValueRow
          label={t('contracts.fields.awardedKw')}
          value={t('contracts.kw', { value: formatNumber(c.awardedKw) })}
        />
        <ValueRow
          label={t('contracts.fields.contractKw')}
          value={t('contracts.kw', { value: formatNumber(c.contractKw) })}
          testId="contract-kw"
        />
        <ValueRow
          label={t('contracts.fields.areaPrice')}
          value={t('contracts.unitPrice', { value: formatNumber(c.areaPrice) })}
        />
        <ValueRow
          label={t('contracts.fields.deductionRate')}
          value={t('contracts.percent', { value: formatNumber(c.deductionRate * 100, 2) })}
        />
        <ValueRow
          label={t('contracts.fields.annualAmount')}
          value={t('contracts.yen', { value: formatNumber(c.annualAmount) })}
          testId="contract-annual"
        />
        <ValueRow label={t('contracts.fields.confirmedAt')} value={formatDateTime(c.confirmedAt)} />
        {c.correctionReason ? (
          <ValueRow label={t('contracts.fields.correctionReason')} value={c.correctionReason} />
        ) : null}
        {c.correctionAnswer ? (
          <ValueRow label={t('contracts.fields.correctionAnswer')} value={c.correctionAnswer} />
        ) : null}
      </dl>
    </Paper>
  )
}

function MonthlyAmounts({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation()
  const months = deliveryMonths(c.deliveryYear)
  const total = c.monthlyAmounts.reduce((a, b) => a + b, 0)
  return (
    <Paper withBorder p="md" className="yoryo-panel">
      <Title order={2} className="yoryo-section-title" mb="xs">
        {t('contracts.detail.monthly')}
      </Title>
      <div className="yoryo-table-scroll">
        <Table withTableBorder striped fz="sm" maw={480} data-testid="contract-monthly">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.detail.month')}</Table.Th>
              <Table.Th ta="right">{t('contracts.detail.monthlyAmount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m, i) => (
              <Table.Tr key={m}>
                <Table.Td>
                  {t('contracts.month', { year: m.slice(0, 4), month: Number(m.slice(5)) })}
                </Table.Td>
                <Table.Td ta="right" className="yoryo-numeric">
                  {formatNumber(c.monthlyAmounts[i])}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('contracts.detail.total')}</Table.Th>
              <Table.Th ta="right" className="yoryo-numeric" data-testid="contract-monthly-total">
                {formatNumber(total)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
      <Text fz="xs" c="dimmed" mt="xs">
        {t('contracts.detail.monthlyNote')}
      </Text>
    </Paper>
  )
}

function changeText(a: ContractAmendment, kw: (n: number) => string, yen: (n: number) => string) {
  return `${kw(a.before.contractKw)} → ${kw(a.after.contractKw)}／${yen(a.before.annualAmount)} → ${yen(a.after.annualAmount)}`
}

function Amendments({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation()
  const kw = (n: number) => t('contracts.kw', { value: formatNumber(n) })
  const yen = (n: number) => t('contracts.yen', { value: formatNumber(n) })
  return (
    <Paper withBorder p="md" className="yoryo-panel">
      <Title order={2} className="yoryo-section-title" mb="xs">
        {t('contracts.detail.amendments')}
      </Title>
      {contract.amendments.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('contracts.detail.noAmendments')}
        </Text>
      ) : (
        <div className="yoryo-table-scroll">
          <Table withTableBorder striped fz="sm" data-testid="contract-amendments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.detail.seq')}</Table.Th>
                <Table.Th>{t('contracts.detail.kind')}</Table.Th>
                <Table.Th>{t('contracts.detail.source')}</Table.Th>
                <Table.Th>{t('contracts.detail.change')}</Table.Th>
                <Table.Th>{t('contracts.detail.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contract.amendments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.seq}</Table.Td>
                  <Table.Td>{t(`contracts.amendmentKind.${a.kind}`)}</Table.Td>
                  <Table.Td>
                    {t(`contracts.amendmentSource.${a.source}`)}
                    {a.reason ? `：${a.reason}` : ''}
                  </Table.Td>
                  <Table.Td className="yoryo-numeric">{changeText(a, kw, yen)}</Table.Td>
                  <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  )
}

function Documents({ documents }: { documents: DocumentSummary[] }) {
  const { t } = useTranslation()
  const pdf = useMutation({
    mutationFn: (d: DocumentSummary) => downloadFile(documentPdfPath(d.id), `${d.documentNo}.pdf`),
  })
  const columns = useMemo(
    () => [
      documentColumn.accessor('title', { header: t('contracts.detail.documentTitle') }),
      documentColumn.accessor('documentNo', {
        header: t('contracts.detail.documentNo'),
        meta: { width: 150, mono: true, nowrap: true },
      }),
      documentColumn.accessor('issuedOn', {
        header: t('contracts.detail.issuedOn'),
        cell: (info) => formatDate(info.getValue()),
        meta: { width: 110, nowrap: true },
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
            {t('contracts.detail.download')}
          </Button>
        ),
        meta: { width: 90 },
      }),
    ],
    [t, pdf],
  )
  return (
    <Paper withBorder p="md" className="yoryo-panel">
      <Title order={2} className="yoryo-section-title" mb="xs">
        {t('contracts.detail.documents')}
      </Title>
      {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
      <DataTable
        label={t('contracts.detail.documents')}
        data={documents}
        columns={columns}
        getRowId={(row) => row.id}
        emptyMessage={t('contracts.detail.noDocuments')}
        testId="contract-documents"
      />
    </Paper>
  )
}

const requestFormSchema = contractCorrectionRequestSchema.pick({ reason: true }).extend({
  reason: z.string().trim().min(1, rule('E-COMMON-007')).max(1000),
})

interface DialogProps {
  contract: ContractDetail
  opened: boolean
  onClose: () => void
  onDone: () => void
}

function RequestDialog({ contract, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const request = useRequestCorrection(contract.id)
  const form = useForm<z.input<typeof requestFormSchema>, unknown, { reason: string }>({
    resolver: zodResolver(requestFormSchema, { error: zodIssueToMessage }),
    defaultValues: { reason: '' },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await request.mutateAsync({ version: contract.version, reason: values.reason })
      form.reset()
      onDone()
    } catch (failure) {
      applyFieldErrors(failure, form.setError, ['reason'])
    }
  })
  const busy = request.isPending
  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      title={<Text fw={700}>{t('contracts.actions.requestTitle')}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="contract-request-form">
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="md">
            <Text fz="sm" className="yoryo-phrase">
              {t('contracts.actions.requestMessage')}
            </Text>
            {request.error && !isShownOnFields(request.error, ['reason']) ? (
              <ApiErrorAlert error={request.error} />
            ) : null}
            <Textarea
              label={t('contracts.actions.reason')}
              required
              autosize
              minRows={4}
              maxRows={10}
              maxLength={1000}
              data-autofocus
              {...form.register('reason')}
              error={fieldErrorText(form.formState.errors.reason)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={busy}>
                {t('contracts.actions.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="contract-request-send">
                {t('contracts.actions.send')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </Modal>
  )
}

const answerFormSchema = z
  .object({
    decision: z.enum(['correct', 'decline']),
    answer: z.string().trim().min(1, rule('E-COMMON-007')).max(1000),
    contractKw: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'correct' && !/^\d{1,9}$/.test(v.contractKw)) {
      ctx.addIssue({ code: 'custom', path: ['contractKw'], message: 'E-COMMON-008' })
    }
  })
type AnswerValues = z.infer<typeof answerFormSchema>

function AnswerDialog({ contract, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const answer = useAnswerCorrection(contract.id)
  const form = useForm<AnswerValues>({
    resolver: zodResolver(answerFormSchema, { error: zodIssueToMessage }),
    defaultValues: { decision: 'correct', answer: '', contractKw: String(contract.contractKw) },
  })
  const decision = useWatch({ control: form.control, name: 'decision' })
  const fields = ['answer', 'contractKw'] as const
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await answer.mutateAsync({
        version: contract.version,
        decision: values.decision,
        answer: values.answer,
        ...(values.decision === 'correct' ? { contractKw: Number(values.contractKw) } : {}),
      })
      onDone()
    } catch (failure) {
      applyFieldErrors(failure, form.setError, fields)
    }
  })
  const busy = answer.isPending
  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      title={<Text fw={700}>{t('contracts.actions.answerTitle')}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="contract-answer-form">
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="md">
            <dl className="yoryo-dl-table">
              <ValueRow
                label={t('contracts.fields.correctionReason')}
                value={contract.correctionReason}
              />
            </dl>
            {answer.error && !isShownOnFields(answer.error, [...fields]) ? (
              <ApiErrorAlert error={answer.error} />
            ) : null}
            <Radio.Group
              label={t('contracts.actions.decision')}
              value={decision}
              onChange={(v) => form.setValue('decision', v as AnswerValues['decision'])}
            >
              <Group gap="md" mt={4}>
                <Radio
                  value="correct"
                  label={t('contracts.actions.correct')}
                  data-testid="answer-correct"
                />
                <Radio
                  value="decline"
                  label={t('contracts.actions.decline')}
                  data-testid="answer-decline"
                />
              </Group>
            </Radio.Group>
            {decision === 'correct' ? (
              <TextInput
                label={t('contracts.actions.correctedKw')}
                description={t('contracts.actions.correctedKwHint', {
                  awardedKw: formatNumber(contract.awardedKw),
                })}
                w={240}
                inputMode="numeric"
                maxLength={9}
                {...form.register('contractKw')}
                error={fieldErrorText(form.formState.errors.contractKw)}
                data-testid="answer-kw"
              />
            ) : null}
            <Textarea
              label={t('contracts.actions.answerText')}
              required
              autosize
              minRows={3}
              maxRows={10}
              maxLength={1000}
              {...form.register('answer')}
              error={fieldErrorText(form.formState.errors.answer)}
              data-testid="answer-text"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={busy}>
                {t('contracts.actions.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="contract-answer-send">
                {t('contracts.actions.send')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </Modal>
  )
}
