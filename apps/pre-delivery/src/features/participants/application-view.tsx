import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Stack, Text } from '@mantine/core'
import {
  participantProfileSchema,
  type Application,
  type ParticipantProfile,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  isShownOnFields,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
  CancelReasonCorrection,
  CorrectionButtons,
  useCorrect,
  withoutProposedPrefix,
  type CorrectionPanelProps,
  type ApplicationView,
  type ContentGroup,
  type Translate,
  ProfileFields,
  ADMINISTRATOR_FIELDS,
  CODE_FIELDS,
  PROFILE_FIELDS,
  PROFILE_GROUPS,
  isProfileField,
  profileOf,
} from '@yoryo/ui'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form'
import type { z } from 'zod'
import { ProfileChangeConfirm } from './components/profile-change-confirm.tsx'

type AdministratorField = (typeof ADMINISTRATOR_FIELDS)[number]
const isAdministratorField = (name: string): name is AdministratorField =>
  (ADMINISTRATOR_FIELDS as readonly string[]).includes(name)

function isRecord(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valueText(path: string, value: unknown, t: Translate): string {
  const field = path.split('.').at(-1) ?? path
  if (value === null || value === undefined || value === '') return ''
  if (field === 'licenseCategory' && typeof value === 'string') {
    return t(`participant.licenseCategory.${value as ParticipantProfile['licenseCategory']}`)
  }
  if (field === 'bankAccountType' && typeof value === 'string') {
    return t(`participant.bankAccountType.${value as ParticipantProfile['bankAccountType']}`)
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return JSON.stringify(value)
}

function fieldLabel(path: string, t: Translate): string {
  const [head = '', tail] = path.split('.')
  if (head === 'administrator' && tail && isAdministratorField(tail)) {
    return t(`systemUse.administratorFields.${tail}`)
  }
  const field = head === 'participant' && tail ? tail : head
  if (isProfileField(field)) return t(`participant.fields.${field}`)
  if (field === 'reason') return t('applications.detail.cancelReason')
  return path
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const changed = new Set(application.diff.map((d) => d.path))
  const proposed = application.proposed
  const row = (path: string, current: unknown, value: unknown, isChanged: boolean) => ({
    path,
    label: fieldLabel(path, t),
    current: valueText(path, current, t),
    proposed: valueText(path, value, t),
    changed: isChanged,
    code: CODE_FIELDS.has(path.split('.').at(-1) ?? path),
  })
  if (application.kind === 'register') {
    const participant = isRecord(proposed.participant) ? proposed.participant : {}
    const administrator = isRecord(proposed.administrator) ? proposed.administrator : {}
    return [
      ...PROFILE_GROUPS.map(({ group, fields }) => ({
        key: group,
        title: t(`participant.sections.${group}`),
        rows: fields.map((f) => row(`participant.${f}`, null, participant[f], false)),
      })),
      {
        key: 'administrator',
        title: t('systemUse.sections.administrator'),
        rows: ADMINISTRATOR_FIELDS.map((f) =>
          row(`administrator.${f}`, null, administrator[f], false),
        ),
      },
    ]
  }
  if (application.kind === 'change') {
    const current = application.current ?? {}
    return PROFILE_GROUPS.map(({ group, fields }) => ({
      key: group,
      title: t(`participant.sections.${group}`),
      rows: fields.map((f) => row(f, current[f], proposed[f], changed.has(f))),
    }))
  }
  return [
    {
      key: 'cancel',
      title: t('applications.detail.content'),
      rows: [row('reason', null, proposed.reason, false)],
    },
  ]
}

type ProfileSchema = typeof participantProfileSchema
const PROFILE_FORM_FIELDS = PROFILE_FIELDS as readonly FieldPath<z.input<ProfileSchema>>[]

/** 修正して再提出 of a participant change application (030): the profile form, changes counted. */
function ProfileCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const correct = useCorrect(application)
  const form = useForm<z.input<ProfileSchema>, unknown, ParticipantProfile>({
    resolver: zodResolver(participantProfileSchema, { error: zodIssueToMessage }),
    defaultValues: profileOf(application.proposed) as z.input<ProfileSchema>,
  })
  const busy = correct.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const { setFocus } = form
  useEffect(() => setFocus('name'), [setFocus])
  const values = useWatch({ control: form.control })
  const snapshot = application.current
  const current = useMemo(() => snapshot ?? {}, [snapshot])
  const changed = useMemo(
    () =>
      new Set(
        PROFILE_FIELDS.filter(
          (field) => (values[field] ?? '') !== ((current[field] as string | undefined) ?? ''),
        ),
      ),
    [values, current],
  )
  // A returned application is resubmitted after a 確認 step; a draft is saved at once.
  const resubmitting = application.state === 'returned'
  const [confirmed, setConfirmed] = useState<ParticipantProfile | null>(null)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirmed) confirmHeading.current?.focus()
  }, [confirmed])
  const save = async (proposed: ParticipantProfile) => {
    try {
      const updated = await correct.mutateAsync(proposed)
      onDone(updated.state === 'submitted')
    } catch (error) {
      setConfirmed(null)
      applyFieldErrors(withoutProposedPrefix(error), form.setError, PROFILE_FORM_FIELDS, focusField)
    }
  }
  const onSubmit = form.handleSubmit(async (proposed) => {
    if (resubmitting) {
      correct.reset()
      setConfirmed(proposed)
      return
    }
    await save(proposed)
  })
  const error = correct.error ? withoutProposedPrefix(correct.error) : null
  return (
    <FormProvider {...form}>
      {confirmed ? (
        <Stack gap="md" data-testid="application-correction-confirm">
          <ProfileChangeConfirm
            current={profileOf(current)}
            proposed={confirmed}
            title={t('participant.change.resubmitConfirmTitle')}
            description={t('participant.change.resubmitConfirmDescription')}
            headingRef={confirmHeading}
          />
          <Group justify="space-between">
            <Button variant="default" disabled={busy} onClick={() => setConfirmed(null)}>
              {t('participant.change.back')}
            </Button>
            <Button loading={busy} onClick={() => void save(confirmed)}>
              {t('participant.change.confirmResubmit')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <form
        onSubmit={onSubmit}
        noValidate
        data-testid="application-correction"
        hidden={confirmed !== null}
      >
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="lg">
            <Text fz="sm" fw={700} data-testid="correction-changed-count">
              {changed.size > 0
                ? t('participant.change.changedCount', { count: changed.size })
                : t('participant.change.noChanges')}
            </Text>
            <ProfileFields changed={changed} headingOrder={3} />
            {error && !isShownOnFields(error, PROFILE_FORM_FIELDS) ? (
              <ApiErrorAlert error={error} />
            ) : null}
            <CorrectionButtons
              application={application}
              busy={busy}
              onCancel={onCancel}
              confirmStep
            />
          </Stack>
        </fieldset>
      </form>
    </FormProvider>
  )
}

/** Participants' applications: 700 registration, 030 change and cancellation. */
export const participantApplicationView: ApplicationView = {
  functionGroup: '030',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: { change: ProfileCorrection, cancel: CancelReasonCorrection },
  documents: ['register'],
  approveMessage: (application, t) =>
    application.kind === 'register'
      ? t('applications.dialog.approve.registerMessage')
      : t('applications.dialog.approve.participantMessage'),
  issued(application, t) {
    const code = application.result?.participantCode
    const userId = application.result?.administratorUserId
    return typeof code === 'string' && typeof userId === 'string'
      ? t('applications.detail.issuedValue', { participantCode: code, userId })
      : null
  },
}
