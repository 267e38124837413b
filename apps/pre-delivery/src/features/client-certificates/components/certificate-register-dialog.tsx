import { zodResolver } from '@hookform/resolvers/zod'
import { Button, FileInput, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  CERTIFICATE_PEM_MAX_LENGTH,
  clientCertificateCreateSchema,
  type Participant,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  encodeMessageRef,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useSession,
  useTranslation,
  userQueries,
  zodIssueToMessage,
  participantLabel,
} from '@yoryo/ui'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'
import { useRegisterCertificate } from '../api.ts'

/** The user whose certificate is renewed (fixed), or none: the administrator chooses. */
export interface CertificateOwner {
  id: string
  userId: string
  name: string
  participantId: string
}

const formSchema = clientCertificateCreateSchema.extend({
  // Empty until chosen: asks to choose (E-COMMON-013), like every select.
  user: z.uuid(),
  participantId: z.string(),
})
type FormSchema = typeof formSchema
const FIELDS = ['participantId', 'user', 'certificate'] as const

/** A PEM file is a few kilobytes; anything far larger is not one. */
const PEM_FILE_MAX_BYTES = CERTIFICATE_PEM_MAX_LENGTH * 4
/** Users listed for the choice (the API's largest page). */
const USER_CHOICES_MAX = 500

/** What is wrong with a chosen file before it is sent (the API checks it again). */
function checkPem(text: string): string | null {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return 'E-CERT-004'
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return 'E-CERT-001'
  if (text.length > CERTIFICATE_PEM_MAX_LENGTH) return 'E-CERT-001'
  return null
}

export interface CertificateRegisterDialogProps {
  /** `{}` to register for a user chosen in the dialog, `{ owner }` to renew one's certificate. */
  target: { owner?: CertificateOwner } | null
  participants: Participant[] | undefined
  defaultParticipantId: string
  onRegistered: () => void
  onClose: () => void
}

/** 710 登録・更新: a user and a PEM file, read as text in the browser and sent as JSON. */
export function CertificateRegisterDialog(props: CertificateRegisterDialogProps) {
  const { t } = useTranslation()
  const { target, onClose } = props
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        <Text fw={700}>
          {target?.owner
            ? t('clientCertificates.form.renewTitle')
            : t('clientCertificates.form.title')}
        </Text>
      }
      size="lg"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target ? (
        <RegisterForm key={target.owner?.id ?? 'new'} {...props} owner={target.owner} />
      ) : null}
    </Modal>
  )
}

function RegisterForm({
  owner,
  participants,
  defaultParticipantId,
  onRegistered,
  onClose,
}: CertificateRegisterDialogProps & { owner: CertificateOwner | undefined }) {
  const { t } = useTranslation()
  const session = useSession()
  const fieldErrorText = useFieldErrorText()
  const register = useRegisterCertificate()
  const isOperator = session.user.role === 'operator'
  const [file, setFile] = useState<File | null>(null)
  // What is wrong with the chosen file: kept so that submitting says it again, not "required".
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const form = useForm<z.input<FormSchema>, unknown, z.output<FormSchema>>({
    resolver: zodResolver(formSchema, { error: zodIssueToMessage }),
    defaultValues: {
      participantId: owner?.participantId ?? (isOperator ? defaultParticipantId : ''),
      user: owner?.id ?? '',
      certificate: '',
    },
  })
  const { errors } = form.formState
  const busy = register.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)

  const participantId = useWatch({ control: form.control, name: 'participantId' })
  const listParticipant = isOperator ? participantId : session.participant.id
  const users = useQuery({
    ...userQueries.list({
      page: 1,
      pageSize: USER_CHOICES_MAX,
      participantId: isOperator ? participantId : undefined,
      sort: 'userId',
    }),
    enabled: !owner && listParticipant !== '',
  })
  const userChoices = (users.data?.items ?? [])
    .filter((u) => u.status !== 'cancelled')
    .map((u) => ({
      value: u.id,
      label: t('clientCertificates.form.userOption', { userId: u.userId, name: u.name }),
    }))

  const onFileChange = async (selected: File | null) => {
    setFile(selected)
    register.reset()
    form.clearErrors('certificate')
    setFileProblem(null)
    if (!selected) {
      form.setValue('certificate', '')
      return
    }
    const text = selected.size > PEM_FILE_MAX_BYTES ? '' : await selected.text()
    const problem = selected.size > PEM_FILE_MAX_BYTES ? 'E-CERT-001' : checkPem(text)
    form.setValue('certificate', problem ? '' : text)
    setFileProblem(problem)
    if (problem) showFileProblem(problem)
  }
  const showFileProblem = (problem: string) =>
    form.setError('certificate', { type: 'client', message: encodeMessageRef({ id: problem }) })

  const onSubmit = form.handleSubmit(
    async (values) => {
      try {
        await register.mutateAsync({ user: values.user, certificate: values.certificate })
        onRegistered()
      } catch (error) {
        applyFieldErrors(error, form.setError, FIELDS, focusField)
      }
    },
    () => {
      // A refused file (a private key, not a certificate) is not "missing".
      if (fileProblem) showFileProblem(fileProblem)
    },
  )

  const error = register.error
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <form onSubmit={onSubmit} noValidate data-testid="certificate-register-form">
      <Stack gap="sm">
        {showError ? <ApiErrorAlert error={error} /> : null}
        {owner ? (
          <>
            <dl className="yoryo-dl">
              <div className="yoryo-dl-row">
                <dt>{t('clientCertificates.form.user')}</dt>
                <dd>
                  <span className="yoryo-code">{owner.userId}</span> {owner.name}
                </dd>
              </div>
            </dl>
            <Text fz="sm" c="dimmed" className="yoryo-phrase">
              {t('clientCertificates.form.renewHint')}
            </Text>
          </>
        ) : null}
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="sm">
            {!owner && isOperator ? (
              <Controller
                control={form.control}
                name="participantId"
                render={({ field }) => (
                  <Select
                    label={t('users.form.participant')}
                    placeholder={t('users.form.participantPlaceholder')}
                    required
                    searchable
                    data={(participants ?? []).map((p) => ({
                      value: p.id,
                      label: participantLabel(p),
                    }))}
                    value={field.value || null}
                    onChange={(value) => {
                      field.onChange(value ?? '')
                      form.setValue('user', '')
                    }}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.participantId)}
                    nothingFoundMessage={t('table.empty')}
                  />
                )}
              />
            ) : null}
            {owner ? null : (
              <Controller
                control={form.control}
                name="user"
                render={({ field }) => (
                  <Select
                    label={t('clientCertificates.form.user')}
                    placeholder={t('clientCertificates.form.userPlaceholder')}
                    required
                    searchable
                    data={userChoices}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    disabled={listParticipant === ''}
                    error={fieldErrorText(errors.user)}
                    nothingFoundMessage={t('clientCertificates.form.noUsers')}
                    classNames={{ option: 'yoryo-code' }}
                  />
                )}
              />
            )}
            <Controller
              control={form.control}
              name="certificate"
              render={({ field }) => (
                <FileInput
                  label={t('clientCertificates.form.file')}
                  description={t('clientCertificates.form.fileHint')}
                  placeholder={t('clientCertificates.form.filePlaceholder')}
                  required
                  clearable
                  accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
                  value={file}
                  onChange={(selected) => void onFileChange(selected)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldErrorText(errors.certificate)}
                  clearButtonProps={{ 'aria-label': t('attachments.clearFile') }}
                  data-testid="certificate-file"
                />
              )}
            />
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('clientCertificates.form.submit')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </Stack>
    </form>
  )
}
