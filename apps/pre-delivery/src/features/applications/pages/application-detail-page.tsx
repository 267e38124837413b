import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { applicationTransitions, type Application, type ApplicationAction } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DownloadIcon,
  Page,
  downloadFile,
  formatDateTime,
  useSession,
  useTranslation,
  ValueRow,
  applicationPdfPath,
  applicationQueries,
  isConflict,
  useTransitionApplication,
  DoneNotice,
  type DoneKey,
  HistoryTimeline,
  StateBadge,
  useApplicationViews,
  useApplicationTitle,
  useEntityTypeLabel,
  canEditGroup,
} from '@yoryo/ui'
import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { ApplicationContent, SinceReturned } from '../components/application-content.tsx'
import {
  OneTimePasswordDialog,
  type IssuedAdministrator,
} from '../components/one-time-password-dialog.tsx'
import { TransitionDialog, type DialogAction } from '../components/transition-dialog.tsx'

/**
 * 030 申込の詳細 / 審査: header, content (proposed beside current values for a change), history,
 * and the actions the user may take in this state — the operator reviews (審査開始, 差戻し,
 * 却下, 承認), the applicant submits, withdraws, corrects and resubmits its own.
 */
export function ApplicationDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const session = useSession()
  const titleOf = useApplicationTitle()
  const detail = useQuery(applicationQueries.detail(id))
  const transition = useTransitionApplication()
  const [dialog, setDialog] = useState<DialogAction | null>(null)
  const [done, setDone] = useState<DoneKey | null>(null)
  const [conflict, setConflict] = useState<unknown>(null)
  const [issued, setIssued] = useState<IssuedAdministrator | null>(null)
  const [correcting, setCorrecting] = useState(false)
  const pdf = useMutation({
    mutationFn: (application: Application) =>
      downloadFile(applicationPdfPath(application.id), `${application.receiptNo}.pdf`),
  })

  const application = detail.data
  const viewOf = useApplicationViews()
  const view = application ? viewOf(application.entityType) : null
  const isOperator = session.user.role === 'operator'
  const isApplicant =
    !isOperator &&
    !!view &&
    application?.participant?.id === session.participant.id &&
    canEditGroup(session, view.functionGroup)
  const Correction = application && view ? view.corrections[application.kind] : undefined

  const run = async (action: ApplicationAction, comment = '') => {
    if (!application) return
    setDone(null)
    setConflict(null)
    try {
      const result = await transition.mutateAsync({ application, action, comment })
      setDialog(null)
      setDone(action)
      const outcome = result.application.result
      if (result.oneTimePassword && outcome) {
        setIssued({
          participantCode: String(outcome.participantCode ?? ''),
          userId: String(outcome.administratorUserId ?? ''),
          password: result.oneTimePassword,
        })
      }
    } catch (error) {
      if (isConflict(error)) {
        // Someone else moved it: show why, with the application as it is now.
        setDialog(null)
        setConflict(error)
        return
      }
      throw error
    }
  }

  const title = application ? titleOf(application) : t('applications.detail.title')
  const allowed = (action: ApplicationAction) =>
    application ? applicationTransitions[action].from.includes(application.state) : false

  const actions: ReactNode[] = []
  if (application && !correcting) {
    if (isOperator) {
      if (allowed('startReview')) {
        actions.push(
          <Button
            key="startReview"
            loading={transition.isPending && transition.variables?.action === 'startReview'}
            onClick={() => void run('startReview').catch(() => undefined)}
          >
            {t('applications.actions.startReview')}
          </Button>,
        )
      }
      if (allowed('approve')) {
        actions.push(
          <Button key="return" variant="default" onClick={() => setDialog('return')}>
            {t('applications.actions.return')}
          </Button>,
          <Button key="reject" variant="default" color="red" onClick={() => setDialog('reject')}>
            {t('applications.actions.reject')}
          </Button>,
          <Button key="approve" onClick={() => setDialog('approve')}>
            {t('applications.actions.approve')}
          </Button>,
        )
      }
    } else if (isApplicant) {
      if (application.state === 'draft') {
        if (Correction) {
          actions.push(
            <Button key="edit" variant="default" onClick={() => setCorrecting(true)}>
              {t('applications.actions.edit')}
            </Button>,
          )
        }
        actions.push(
          <Button key="submit" onClick={() => setDialog('submit')}>
            {t('applications.actions.submit')}
          </Button>,
        )
      }
      if (application.state === 'returned' && Correction) {
        actions.push(
          <Button key="correct" onClick={() => setCorrecting(true)}>
            {t('applications.actions.correct')}
          </Button>,
        )
      }
      if (allowed('withdraw')) {
        actions.push(
          <Button
            key="withdraw"
            variant="default"
            color="red"
            onClick={() => setDialog('withdraw')}
          >
            {t('applications.actions.withdraw')}
          </Button>,
        )
      }
    }
  }

  return (
    <Page
      functionCode="030"
      title={title}
      actions={actions.length > 0 ? <Group gap="xs">{actions}</Group> : undefined}
    >
      <Stack gap="md">
        <Anchor component={Link} to="/applications" fz="sm">
          {t('applications.detail.back')}
        </Anchor>
        {done ? <DoneNotice action={done} onClose={() => setDone(null)} /> : null}
        {conflict ? (
          <ApiErrorAlert error={conflict} withCloseButton onClose={() => setConflict(null)}>
            <Text fz="sm" mt={4} c="var(--mantine-color-text)">
              {t('applications.detail.reloaded')}
            </Text>
          </ApiErrorAlert>
        ) : null}
        {transition.error && !isConflict(transition.error) && dialog === null ? (
          <ApiErrorAlert error={transition.error} />
        ) : null}
        {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
        {detail.error ? <ApiErrorAlert error={detail.error} /> : null}
        {application?.stale ? (
          <Alert
            color="orange"
            title={t('applications.detail.staleTitle')}
            data-testid="application-stale"
          >
            {isOperator
              ? t('applications.detail.staleOperator')
              : t('applications.detail.staleApplicant')}
          </Alert>
        ) : null}
        {application && view ? (
          <>
            <Summary
              application={application}
              issued={view.issued?.(application, t) ?? null}
              onPdf={
                view.documents.includes(application.kind)
                  ? () => pdf.mutate(application)
                  : undefined
              }
              pdfBusy={pdf.isPending}
            />
            {application.sinceReturned && !correcting ? (
              <Paper
                withBorder
                p="md"
                className="yoryo-panel"
                component="section"
                aria-labelledby="application-since-returned-title"
              >
                <Title
                  order={2}
                  id="application-since-returned-title"
                  className="yoryo-section-title"
                  mb="sm"
                >
                  {t('applications.detail.sinceReturned')}
                </Title>
                <SinceReturned application={application} />
              </Paper>
            ) : null}
            <Paper
              withBorder
              p="md"
              className="yoryo-panel"
              component="section"
              aria-labelledby="application-content-title"
            >
              <Title
                order={2}
                id="application-content-title"
                className="yoryo-section-title"
                mb="sm"
              >
                {correcting ? t('applications.correctTitle') : t('applications.detail.content')}
              </Title>
              {correcting && Correction ? (
                <Correction
                  application={application}
                  onCancel={() => setCorrecting(false)}
                  onDone={(resubmitted) => {
                    setCorrecting(false)
                    setDone(resubmitted ? 'resubmit' : 'update')
                    window.scrollTo({ top: 0 })
                  }}
                />
              ) : (
                <ApplicationContent application={application} />
              )}
            </Paper>
            {view.Extra && !correcting ? <view.Extra application={application} /> : null}
            <Paper
              withBorder
              p="md"
              className="yoryo-panel"
              component="section"
              aria-labelledby="application-history-title"
            >
              <Title
                order={2}
                id="application-history-title"
                className="yoryo-section-title"
                mb="sm"
              >
                {t('applications.detail.history')}
              </Title>
              <HistoryTimeline events={application.events} testId="application-history" />
            </Paper>
          </>
        ) : detail.isPending ? (
          <Stack gap="md">
            <Skeleton h={160} />
            <Skeleton h={320} />
          </Stack>
        ) : null}
      </Stack>
      <TransitionDialog
        action={dialog}
        approveMessage={application ? view?.approveMessage?.(application, t) : undefined}
        busy={transition.isPending}
        error={transition.error}
        onConfirm={(comment) => (dialog ? run(dialog, comment) : Promise.resolve())}
        onClose={() => {
          setDialog(null)
          transition.reset()
        }}
      />
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </Page>
  )
}

function Summary({
  application,
  issued,
  onPdf,
  pdfBusy,
}: {
  application: Application
  issued: string | null
  onPdf?: () => void
  pdfBusy: boolean
}) {
  const { t } = useTranslation()
  const entityLabel = useEntityTypeLabel()
  const time = (value: string | null) =>
    value ? <span className="yoryo-figures">{formatDateTime(value)}</span> : ''
  return (
    <Paper
      withBorder
      p="md"
      className="yoryo-panel"
      component="section"
      aria-labelledby="application-summary-title"
      data-testid="application-summary"
    >
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id="application-summary-title" className="yoryo-section-title">
          {t('applications.detail.summary')}
        </Title>
        {onPdf ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<DownloadIcon size={14} />}
            loading={pdfBusy}
            onClick={onPdf}
          >
            {t('applications.detail.pdf')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <dl className="yoryo-dl-table">
          <ValueRow
            label={t('applications.detail.receiptNo')}
            value={application.receiptNo}
            code
            testId="application-receipt-no"
          />
          <ValueRow
            label={t('applications.detail.kind')}
            value={t(`applications.kind.${application.kind}`)}
          />
          <ValueRow
            label={t('applications.detail.target')}
            value={entityLabel(application.entityType)}
          />
          <ValueRow
            label={t('applications.detail.participant')}
            value={
              application.participant ? (
                <>
                  <span className="yoryo-code">{application.participant.code}</span>{' '}
                  {application.participant.name}
                </>
              ) : (
                ''
              )
            }
            emptyText={t('applications.detail.newParticipant')}
          />
          {issued ? (
            <ValueRow
              label={t('applications.detail.issued')}
              value={issued}
              testId="application-issued"
            />
          ) : null}
        </dl>
        <dl className="yoryo-dl-table">
          <ValueRow
            label={t('applications.detail.state')}
            value={<StateBadge state={application.state} size="md" testId="application-state" />}
          />
          <ValueRow label={t('applications.detail.applicant')} value={application.applicantName} />
          <ValueRow
            label={t('applications.detail.submittedAt')}
            value={time(application.submittedAt)}
            emptyText={t('applications.notSubmitted')}
          />
          <ValueRow
            label={t('applications.detail.decidedAt')}
            value={time(application.decidedAt)}
            emptyText={t('applications.detail.notDecided')}
          />
        </dl>
      </SimpleGrid>
    </Paper>
  )
}
