import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  participantProfileSchema,
  type Participant,
  type ParticipantProfile,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  applyFieldErrors,
  isShownOnFields,
  noticeState,
  useFocusWhenEnabled,
  useSession,
  useTranslation,
  zodIssueToMessage,
  withoutProposedPrefix,
  canEditGroup,
  ProfileFields,
  PROFILE_FIELDS,
  profileOf,
} from '@yoryo/ui'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { participantQueries, useChangeApplication } from '../api.ts'
import { ProfileChangeConfirm } from '../components/profile-change-confirm.tsx'

type Schema = typeof participantProfileSchema
type Input = z.input<Schema>
const FIELDS = PROFILE_FIELDS as readonly FieldPath<Input>[]

/**
 * 030 事業者情報の変更申込 (`/participant/change`): the current information prefilled; the
 * changed fields are marked; 確認 shows what changes; applying files a change application with
 * the participant's version and opens it (I-APP-001).
 */
export function ParticipantChangePage() {
  const { t } = useTranslation()
  const session = useSession()
  const participant = useQuery(participantQueries.detail(session.participant.id))
  return (
    <Page
      functionCode="030"
      title={t('participant.change.title')}
      description={t('participant.change.description')}
    >
      {participant.error ? <ApiErrorAlert error={participant.error} /> : null}
      {!canEditGroup(session, '030') ? (
        <MessageAlert id="E-AUTH-005" />
      ) : participant.data ? (
        <ChangeForm participant={participant.data} />
      ) : participant.isPending ? (
        <Stack gap="sm">
          <Skeleton h={20} w={120} />
          <Skeleton h={420} />
        </Stack>
      ) : null}
    </Page>
  )
}

function ChangeForm({ participant }: { participant: Participant }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const change = useChangeApplication()
  const current = useMemo(() => profileOf(participant), [participant])
  const form = useForm<Input, unknown, ParticipantProfile>({
    resolver: zodResolver(participantProfileSchema, { error: zodIssueToMessage }),
    defaultValues: current as Input,
  })
  const busy = change.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const [unchanged, setUnchanged] = useState(false)
  const values = useWatch({ control: form.control })
  const changed = useMemo(
    () => new Set(PROFILE_FIELDS.filter((f) => (values[f] ?? '') !== (current[f] ?? ''))),
    [values, current],
  )

  // 入力 → 確認: the form stays mounted (hidden) so errors from the API land on its fields.
  const [confirmed, setConfirmed] = useState<ParticipantProfile | null>(null)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirmed) confirmHeading.current?.focus()
  }, [confirmed])

  const onSubmit = form.handleSubmit((proposed) => {
    if (changed.size === 0) {
      setUnchanged(true)
      return
    }
    setUnchanged(false)
    change.reset()
    setConfirmed(proposed)
  })

  const apply = async () => {
    if (!confirmed) return
    try {
      const application = await change.mutateAsync({ participant, proposed: confirmed })
      void navigate(
        `/applications/${application.id}`,
        noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
      )
    } catch (error) {
      setConfirmed(null)
      applyFieldErrors(withoutProposedPrefix(error), form.setError, FIELDS, focusField)
    }
  }
  const error = change.error ? withoutProposedPrefix(change.error) : null

  return (
    <FormProvider {...form}>
      {confirmed ? (
        <Stack gap="md" data-testid="participant-change-confirm">
          <Paper withBorder p="md" className="yoryo-panel">
            <ProfileChangeConfirm
              current={current}
              proposed={confirmed}
              title={t('participant.change.confirmTitle')}
              description={t('participant.change.confirmDescription')}
              headingRef={confirmHeading}
            />
          </Paper>
          <Group justify="space-between">
            <Button variant="default" disabled={busy} onClick={() => setConfirmed(null)}>
              {t('participant.change.back')}
            </Button>
            <Button loading={busy} onClick={() => void apply()}>
              {t('participant.change.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <form
        onSubmit={onSubmit}
        noValidate
        data-testid="participant-change-form"
        hidden={confirmed !== null}
      >
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="md">
            <Paper withBorder p="md" className="yoryo-panel">
              <Stack gap="md">
                <Text fz="sm" fw={700} aria-live="polite" data-testid="change-count">
                  {changed.size > 0
                    ? t('participant.change.changedCount', { count: changed.size })
                    : t('participant.change.noChanges')}
                </Text>
                <ProfileFields changed={changed} />
              </Stack>
            </Paper>
            {unchanged && changed.size === 0 ? (
              <Alert variant="light" color="orange" role="alert">
                <Text fz="sm" c="var(--mantine-color-text)">
                  {t('participant.change.noChanges')}
                </Text>
              </Alert>
            ) : null}
            {error && !isShownOnFields(error, FIELDS) ? <ApiErrorAlert error={error} /> : null}
            <Group justify="space-between">
              <Button variant="default" onClick={() => void navigate('/participant')}>
                {t('participant.change.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('participant.change.next')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </FormProvider>
  )
}
