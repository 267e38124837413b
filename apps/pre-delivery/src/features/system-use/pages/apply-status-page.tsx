import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  applicationTransitions,
  systemUseApplicationSchema,
  type Application,
  type SystemUseApplication,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  DownloadIcon,
  Page,
  StandaloneLayout,
  applyFieldErrors,
  formatDateTime,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
  DoneNotice,
  HistoryTimeline,
  StateBadge,
  withoutProposedPrefix,
  ValueRow,
} from '@yoryo/ui'
import { useEffect, useRef, useState } from 'react'
import { FormProvider, useForm, type FieldPath } from 'react-hook-form'
import { Link, useLocation, useNavigate } from 'react-router'
import { z } from 'zod'
import {
  systemUseQueries,
  useCorrectAndResubmit,
  useSystemUsePdf,
  useWithdrawSystemUse,
  type SystemUseCredentials,
} from '../api.ts'
import { SystemUseFields } from '../components/system-use-form.tsx'
import { SystemUseView } from '../components/system-use-view.tsx'
import { SYSTEM_USE_FIELDS, systemUseValuesOf } from '../fields.ts'
import { APPLY_CARD_WIDTH } from './apply-page.tsx'

/** 受付番号 as issued: `A` + JST date + `-` + 5 characters. */
const lookupSchema = z.object({
  receiptNo: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .regex(/^A\d{8}-[0-9A-Z]{5}$/),
  accessKey: z.string().trim().min(1).max(100),
})
type LookupSchema = typeof lookupSchema
const LOOKUP_FIELDS = ['receiptNo', 'accessKey'] as const

interface StatusRouteState {
  credentials?: SystemUseCredentials
}

/**
 * 700 利用申込の状況確認 (public, no login): receipt number + access key → the state, the history
 * with the operator's comments, the application; a returned one is corrected and resubmitted
 * here, or withdrawn; the application prints as a PDF (701).
 */
export function ApplyStatusPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [credentials, setCredentials] = useState<SystemUseCredentials | null>(null)
  const lookup = useMutation({
    mutationFn: (wanted: SystemUseCredentials) =>
      queryClient.fetchQuery(systemUseQueries.status(wanted)),
    onSuccess: (_application, wanted) => setCredentials(wanted),
  })

  // From the receipt: look up at once; the key does not stay in the history entry.
  const handedOver = (location.state as StatusRouteState | null)?.credentials
  const lookupNow = lookup.mutate
  useEffect(() => {
    if (!handedOver) return
    lookupNow(handedOver)
    void navigate('.', { replace: true, state: null })
  }, [handedOver, lookupNow, navigate])

  return (
    <StandaloneLayout width={APPLY_CARD_WIDTH}>
      <Page functionCode="700" title={t('systemUse.status.title')}>
        <Stack gap="md">
          {credentials ? (
            <StatusView
              credentials={credentials}
              onOther={() => {
                lookup.reset()
                setCredentials(null)
              }}
            />
          ) : (
            <LookupForm
              busy={lookup.isPending}
              error={lookup.error}
              onLookup={(wanted) => lookup.mutateAsync(wanted)}
            />
          )}
          <Group gap="lg" pt="sm">
            <Anchor component={Link} to="/apply" fz="sm">
              {t('systemUse.toApply')}
            </Anchor>
            <Anchor component={Link} to="/login" fz="sm">
              {t('systemUse.toLogin')}
            </Anchor>
          </Group>
        </Stack>
      </Page>
    </StandaloneLayout>
  )
}

function LookupForm({
  busy,
  error,
  onLookup,
}: {
  busy: boolean
  error: unknown
  onLookup: (credentials: SystemUseCredentials) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const form = useForm<z.input<LookupSchema>, unknown, z.output<LookupSchema>>({
    resolver: zodResolver(lookupSchema, { error: zodIssueToMessage }),
    defaultValues: { receiptNo: '', accessKey: '' },
  })
  const { errors } = form.formState
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await onLookup(values)
    } catch (failure) {
      if (!applyFieldErrors(failure, form.setError, LOOKUP_FIELDS, focusField)) {
        focusField('receiptNo')
      }
    }
  })
  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" className="yoryo-phrase">
        {t('systemUse.status.description')}
      </Text>
      {error && !isShownOnFields(error, LOOKUP_FIELDS) ? <ApiErrorAlert error={error} /> : null}
      <form onSubmit={onSubmit} noValidate data-testid="system-use-lookup">
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              label={t('systemUse.receiptNo')}
              placeholder={t('systemUse.status.receiptPlaceholder')}
              required
              w={220}
              maxLength={15}
              autoComplete="off"
              spellCheck={false}
              classNames={{ input: 'yoryo-code' }}
              {...form.register('receiptNo')}
              error={fieldErrorText(errors.receiptNo)}
            />
            <PasswordInput
              label={t('systemUse.accessKey')}
              required
              w={400}
              maxLength={100}
              autoComplete="off"
              classNames={{ input: 'yoryo-code' }}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
              {...form.register('accessKey')}
              error={fieldErrorText(errors.accessKey)}
            />
            <Button type="submit" loading={busy} className="yoryo-inline-submit">
              {t('systemUse.status.lookup')}
            </Button>
          </Group>
        </fieldset>
      </form>
    </Stack>
  )
}

type Schema = typeof systemUseApplicationSchema
type Input = z.input<Schema>
const FIELDS = SYSTEM_USE_FIELDS as FieldPath<Input>[]

function StatusView({
  credentials,
  onOther,
}: {
  credentials: SystemUseCredentials
  onOther: () => void
}) {
  const { t } = useTranslation()
  const status = useQuery(systemUseQueries.status(credentials))
  const pdf = useSystemUsePdf()
  const withdraw = useWithdrawSystemUse(credentials)
  const [correcting, setCorrecting] = useState(false)
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const [done, setDone] = useState<'resubmit' | 'withdraw' | null>(null)
  const application = status.data

  if (!application) {
    return status.error ? (
      <ApiErrorAlert error={status.error} />
    ) : (
      <Stack gap="sm">
        <Skeleton h={120} />
        <Skeleton h={240} />
      </Stack>
    )
  }

  const canWithdraw = applicationTransitions.withdraw.from.includes(application.state)
  const canCorrect = application.state === 'returned'
  const lastReturn = [...application.events].reverse().find((e) => e.action === 'return')

  return (
    <Stack gap="md" data-testid="system-use-status">
      {done ? <DoneNotice action={done} onClose={() => setDone(null)} /> : null}
      {withdraw.error ? <ApiErrorAlert error={withdraw.error} /> : null}
      {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
      {application.state === 'returned' && !correcting ? (
        <Alert variant="light" color="orange" data-testid="returned-note">
          <Text fz="sm" fw={700} c="var(--mantine-color-text)">
            {t('systemUse.status.returnedNote')}
          </Text>
          {lastReturn?.comment ? (
            <Text fz="sm" mt={6} className="yoryo-prewrap" c="var(--mantine-color-text)">
              {lastReturn.comment}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {application.state === 'approved' ? (
        <Alert variant="light" color="green">
          <Text fz="sm" c="var(--mantine-color-text)">
            {t('systemUse.status.approvedNote')}
          </Text>
        </Alert>
      ) : null}
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby="system-use-summary"
      >
        <Group justify="space-between" align="baseline" mb="sm">
          <Title order={2} id="system-use-summary" className="yoryo-section-title">
            {t('systemUse.status.summary')}
          </Title>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<DownloadIcon size={14} />}
              loading={pdf.isPending}
              onClick={() => pdf.mutate(credentials)}
            >
              {t('systemUse.printPdf')}
            </Button>
            <Button variant="subtle" size="xs" onClick={onOther}>
              {t('systemUse.status.other')}
            </Button>
          </Group>
        </Group>
        <dl className="yoryo-dl-table">
          <ValueRow label={t('systemUse.receiptNo')} value={application.receiptNo} code />
          {typeof application.result?.participantCode === 'string' ? (
            <ValueRow
              label={t('systemUse.status.participantCode')}
              value={application.result.participantCode}
              code
              testId="system-use-participant-code"
            />
          ) : null}
          <ValueRow
            label={t('systemUse.status.state')}
            value={<StateBadge state={application.state} testId="system-use-state" />}
          />
          <ValueRow
            label={t('systemUse.status.submittedAt')}
            value={
              application.submittedAt ? (
                <span className="yoryo-figures">{formatDateTime(application.submittedAt)}</span>
              ) : (
                ''
              )
            }
            emptyText={t('applications.notSubmitted')}
          />
          <ValueRow
            label={t('systemUse.status.decidedAt')}
            value={
              application.decidedAt ? (
                <span className="yoryo-figures">{formatDateTime(application.decidedAt)}</span>
              ) : (
                ''
              )
            }
            emptyText={t('applications.detail.notDecided')}
          />
        </dl>
        {(canCorrect || canWithdraw) && !correcting ? (
          <Group gap="sm" mt="md">
            {canCorrect ? (
              <Button onClick={() => setCorrecting(true)}>{t('systemUse.status.correct')}</Button>
            ) : null}
            {canWithdraw ? (
              <Button variant="default" color="red" onClick={() => setConfirmWithdraw(true)}>
                {t('systemUse.status.withdraw')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Paper>
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby="system-use-history"
      >
        <Title order={2} id="system-use-history" className="yoryo-section-title" mb="sm">
          {t('systemUse.status.history')}
        </Title>
        <HistoryTimeline events={application.events} testId="system-use-history-list" />
      </Paper>
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby="system-use-content"
      >
        <Title order={2} id="system-use-content" className="yoryo-section-title" mb="sm">
          {correcting ? t('systemUse.status.correctTitle') : t('systemUse.status.content')}
        </Title>
        {correcting ? (
          <CorrectionForm
            credentials={credentials}
            application={application}
            onCancel={() => setCorrecting(false)}
            onDone={() => {
              setCorrecting(false)
              setDone('resubmit')
              window.scrollTo({ top: 0 })
            }}
          />
        ) : (
          <SystemUseView proposed={application.proposed} testId="system-use-content-view" />
        )}
      </Paper>
      <ConfirmDialog
        opened={confirmWithdraw}
        title={t('applications.dialog.withdraw.title')}
        message={t('applications.dialog.withdraw.message')}
        confirmLabel={t('applications.dialog.withdraw.confirm')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setConfirmWithdraw(false)
          withdraw.reset()
        }}
        onConfirm={() =>
          withdraw.mutate(application, {
            onSuccess: () => {
              setConfirmWithdraw(false)
              setDone('withdraw')
            },
            onError: () => setConfirmWithdraw(false),
          })
        }
      />
    </Stack>
  )
}

function CorrectionForm({
  credentials,
  application,
  onCancel,
  onDone,
}: {
  credentials: SystemUseCredentials
  application: Application
  onCancel: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const resubmit = useCorrectAndResubmit(credentials)
  const form = useForm<Input, unknown, SystemUseApplication>({
    resolver: zodResolver(systemUseApplicationSchema, { error: zodIssueToMessage }),
    defaultValues: systemUseValuesOf(application.proposed) as Input,
  })
  const busy = resubmit.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const firstField = useRef(false)
  useEffect(() => {
    if (firstField.current) return
    firstField.current = true
    form.setFocus('participant.name')
  }, [form])

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await resubmit.mutateAsync({ application, proposed: values })
      onDone()
    } catch (error) {
      applyFieldErrors(withoutProposedPrefix(error), form.setError, FIELDS, focusField)
    }
  })
  const error = resubmit.error ? withoutProposedPrefix(resubmit.error) : null
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate data-testid="system-use-correction">
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="lg">
            <SystemUseFields />
            {showError ? <ApiErrorAlert error={error} /> : null}
            <Group justify="space-between">
              <Button variant="default" onClick={onCancel}>
                {t('systemUse.status.cancelCorrect')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('systemUse.status.resubmit')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </FormProvider>
  )
}
