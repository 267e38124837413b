import { zodResolver } from '@hookform/resolvers/zod'
import {
  Button,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import {
  loginUserIdSchema,
  rolesByParticipantKind,
  userFieldsSchema,
  type Participant,
  type ParticipantKind,
  type Role,
  type User,
  type UserWithPassword,
  jstDateOf,
  jstDayEnd,
  jstDayStart,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DateField,
  applyFieldErrors,
  isApiError,
  isShownOnFields,
  participantLabel,
  useDialogCloseGuard,
  useFieldErrorText,
  useFocusWhenEnabled,
  useSession,
  useTranslation,
  userQueries,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useEffect, useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'
import { useCreateUser, useUpdateUser } from '../api.ts'

/**
 * The fields of the form: the contract's user fields, the validity period as JST dates
 * (`YYYY-MM-DD`, from the start of the first day to the end of the last), and for a new user
 * its user ID and (operator) participant.
 */
const baseSchema = userFieldsSchema
  .pick({ name: true, email: true, phone: true, role: true })
  .extend({
    // An empty address is "required" (E-COMMON-007) before "not an address" (E-PART-005).
    email: z.string().trim().min(1).pipe(userFieldsSchema.shape.email),
    participantId: z.string(),
    userId: z.string(),
    validFrom: z.union([z.literal(''), z.iso.date()]),
    validTo: z.union([z.literal(''), z.iso.date()]),
  })
type FormSchema = typeof baseSchema
type FormInput = z.input<FormSchema>
type FormOutput = z.output<FormSchema>

const FIELDS = [
  'participantId',
  'userId',
  'name',
  'email',
  'phone',
  'role',
  'validFrom',
  'validTo',
] as const

function formSchema(creating: boolean, needsParticipant: boolean) {
  return baseSchema.superRefine((v, ctx) => {
    if (creating) {
      const userId = loginUserIdSchema.safeParse(v.userId)
      if (!userId.success) {
        const id = v.userId.trim() === '' ? 'E-COMMON-007' : 'E-USER-002'
        ctx.addIssue({ code: 'custom', path: ['userId'], message: id })
      }
    }
    if (needsParticipant && !v.participantId) {
      ctx.addIssue({ code: 'custom', path: ['participantId'], message: 'E-COMMON-007' })
    }
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'E-USER-011' })
    }
  })
}

/** A JST date (`yyyy-MM-dd`) as the start or the last second of that day. */
function dayStart(date: string): string | null {
  return date ? jstDayStart(date).toISOString() : null
}
function dayEnd(date: string): string | null {
  return date ? new Date(jstDayEnd(date).getTime() - 1000).toISOString() : null
}
const jstDate = (value: string | null) => (value ? jstDateOf(new Date(value)) : '')

function valuesOf(user: User | null, participantId: string, role: Role): FormInput {
  return user
    ? {
        participantId: user.participant.id,
        userId: user.userId,
        name: user.name,
        email: user.email,
        phone: user.phone,
        role: user.role,
        validFrom: jstDate(user.validFrom),
        validTo: jstDate(user.validTo),
      }
    : {
        participantId,
        userId: '',
        name: '',
        email: '',
        phone: '',
        role,
        validFrom: '',
        validTo: '',
      }
}

/** The roles a user may have: by the participant's kind, else by its current role. */
function allowedRoles(kind: ParticipantKind | undefined, current: Role): readonly Role[] {
  if (kind) return rolesByParticipantKind[kind]
  if (current === 'operator' || current === 'tso') return [current]
  return rolesByParticipantKind.participant
}

export type UserFormTarget = { kind: 'create' } | { kind: 'edit'; user: User }

export interface UserFormDialogProps {
  target: UserFormTarget | null
  /** Participants the operator chooses from (undefined for an administrator). */
  participants: Participant[] | undefined
  /** The participant preselected for a new user (the operator's filter). */
  defaultParticipantId: string
  onCreated: (created: UserWithPassword) => void
  onSaved: () => void
  onClose: () => void
}

/** 020 ユーザ登録 / ユーザ情報の変更 in a dialog; closing it with unsaved input asks first. */
export function UserFormDialog(props: UserFormDialogProps) {
  const { t } = useTranslation()
  const { target } = props
  const [dirty, setDirty] = useState(false)
  const onClose = () => {
    setDirty(false)
    props.onClose()
  }
  const guard = useDialogCloseGuard(dirty, onClose)
  return (
    <>
      {guard.confirm}
      <Modal
        opened={target !== null}
        onClose={guard.requestClose}
        title={
          <Text fw={700}>
            {target?.kind === 'edit' ? t('users.form.editTitle') : t('users.form.createTitle')}
          </Text>
        }
        size="lg"
        centered
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {target ? (
          <UserForm
            // A new form for each target: its defaults are the user's current values.
            key={target.kind === 'edit' ? target.user.id : 'create'}
            {...props}
            target={target}
            onClose={onClose}
            onDirtyChange={setDirty}
          />
        ) : null}
      </Modal>
    </>
  )
}

function UserForm({
  target,
  participants,
  defaultParticipantId,
  onCreated,
  onSaved,
  onClose,
  onDirtyChange,
}: UserFormDialogProps & { target: UserFormTarget; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation()
  const session = useSession()
  const queryClient = useQueryClient()
  const fieldErrorText = useFieldErrorText()
  const create = useCreateUser()
  const update = useUpdateUser()
  const isOperator = session.user.role === 'operator'
  const creating = target.kind === 'create'
  const [user, setUser] = useState<User | null>(target.kind === 'edit' ? target.user : null)
  const [reloading, setReloading] = useState(false)
  const needsParticipant = creating && isOperator

  const kindOf = (participantId: string): ParticipantKind | undefined =>
    isOperator ? participants?.find((p) => p.id === participantId)?.kind : session.participant.kind
  const initialParticipant = needsParticipant ? defaultParticipantId : ''
  const initialRole = allowedRoles(kindOf(initialParticipant), 'participantUser').at(-1) as Role

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema(creating, needsParticipant), { error: zodIssueToMessage }),
    defaultValues: valuesOf(user, initialParticipant, initialRole),
  })
  const { errors, isDirty } = form.formState
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange])
  const mutation = creating ? create : update
  const busy = mutation.isPending || reloading
  const focusField = useFocusWhenEnabled(form.setFocus, busy)

  const participantId = useWatch({ control: form.control, name: 'participantId' })
  const role = useWatch({ control: form.control, name: 'role' })
  const roles = allowedRoles(kindOf(user?.participant.id ?? participantId), role)
  const editingSelf = user?.id === session.user.id

  const onSubmit = form.handleSubmit(async (values) => {
    const fields = {
      name: values.name,
      email: values.email,
      phone: values.phone,
      role: values.role,
      validFrom: dayStart(values.validFrom),
      validTo: dayEnd(values.validTo),
    }
    try {
      if (creating) {
        const created = await create.mutateAsync({
          ...fields,
          userId: values.userId.trim(),
          participantId: needsParticipant ? values.participantId : undefined,
        })
        onCreated(created)
      } else if (user) {
        await update.mutateAsync({ id: user.id, body: { ...fields, version: user.version } })
        onSaved()
      }
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })

  /** After a 409: the user as it is now, its values in the form (the edits are discarded). */
  const reload = async () => {
    if (!user) return
    setReloading(true)
    try {
      const latest = await queryClient.fetchQuery({ ...userQueries.detail(user.id), staleTime: 0 })
      setUser(latest)
      form.reset(valuesOf(latest, '', latest.role))
      update.reset()
    } catch {
      // The 409 alert stays, with its button to try again.
    } finally {
      setReloading(false)
    }
  }

  const error = mutation.error
  const stale = isApiError(error) && error.status === 409 && error.messageId === 'E-COMMON-004'
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <form onSubmit={onSubmit} noValidate data-testid="user-form">
      <Stack gap="sm">
        {showError ? (
          <ApiErrorAlert error={error}>
            {stale ? (
              <Button
                size="xs"
                variant="default"
                mt="xs"
                onClick={() => void reload()}
                loading={reloading}
              >
                {t('users.form.reload')}
              </Button>
            ) : null}
          </ApiErrorAlert>
        ) : null}
        {user ? (
          <dl className="yoryo-dl">
            <div className="yoryo-dl-row">
              <dt>{t('users.form.participant')}</dt>
              <dd>
                <span className="yoryo-code">{user.participant.code}</span> {user.participant.name}
              </dd>
            </div>
            <div className="yoryo-dl-row">
              <dt>{t('users.form.userId')}</dt>
              <dd className="yoryo-code">{user.userId}</dd>
            </div>
          </dl>
        ) : null}
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="sm">
            {needsParticipant ? (
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
                      const allowed = allowedRoles(kindOf(value ?? ''), role)
                      if (!allowed.includes(role)) {
                        form.setValue('role', allowed.at(-1) as Role)
                      }
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
            {creating ? (
              <TextInput
                label={t('users.form.userId')}
                description={t('users.form.userIdHint')}
                required
                styles={{ wrapper: { width: 280 } }}
                maxLength={32}
                autoComplete="off"
                spellCheck={false}
                classNames={{ input: 'yoryo-code' }}
                {...form.register('userId')}
                error={fieldErrorText(errors.userId)}
              />
            ) : null}
            <TextInput
              label={t('users.form.name')}
              required
              styles={{ wrapper: { width: 280 } }}
              maxLength={50}
              autoComplete="off"
              {...form.register('name')}
              error={fieldErrorText(errors.name)}
            />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('users.form.email')}
                required
                type="email"
                maxLength={254}
                autoComplete="off"
                {...form.register('email')}
                error={fieldErrorText(errors.email)}
              />
              <TextInput
                label={t('users.form.phone')}
                placeholder={t('users.form.phonePlaceholder')}
                type="tel"
                maxLength={20}
                autoComplete="off"
                classNames={{ input: 'yoryo-figures' }}
                {...form.register('phone')}
                error={fieldErrorText(errors.phone)}
              />
            </SimpleGrid>
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => (
                <Radio.Group
                  label={t('users.form.role')}
                  withAsterisk
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  name={field.name}
                  description={
                    roles.includes('participantAdmin')
                      ? field.value === 'participantAdmin'
                        ? t('users.form.roleAdminHint')
                        : t('users.form.roleUserHint')
                      : undefined
                  }
                  error={fieldErrorText(errors.role)}
                >
                  <Group gap="lg" mt={6}>
                    {roles.map((r, i) => (
                      <Radio
                        key={r}
                        value={r}
                        label={t(`roles.${r}`)}
                        disabled={editingSelf && r !== user?.role}
                        ref={i === 0 ? field.ref : undefined}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            <Stack gap={4}>
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <Controller
                  control={form.control}
                  name="validFrom"
                  render={({ field }) => (
                    <DateField
                      label={t('users.form.validFrom')}
                      w={180}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      name={field.name}
                      error={fieldErrorText(errors.validFrom)}
                    />
                  )}
                />
                <Text className="yoryo-inline-submit" c="dimmed" aria-hidden="true" pt={6}>
                  〜
                </Text>
                <Controller
                  control={form.control}
                  name="validTo"
                  render={({ field }) => (
                    <DateField
                      label={t('users.form.validTo')}
                      w={180}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      name={field.name}
                      error={fieldErrorText(errors.validTo)}
                    />
                  )}
                />
              </Group>
              <Text fz="xs" c="dimmed" className="yoryo-phrase">
                {t('users.form.validityHint')}
              </Text>
            </Stack>
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {creating ? t('users.form.submitCreate') : t('users.form.submitEdit')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </Stack>
    </form>
  )
}
