import { Box, Button, Group, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import {
  PASSWORD_HISTORY_SIZE,
  PASSWORD_MIN_LENGTH,
  passwordCharacterClasses,
  type SessionUser,
} from '@yoryo/contracts'
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../api/api-error.ts'
import { applyFieldErrors } from '../api/form-errors.ts'
import { useAppConfig } from '../app-config.tsx'
import { noticeState } from '../components/flash-notice.tsx'
import { CheckIcon, DotIcon } from '../components/icons.tsx'
import { Page } from '../components/page.tsx'
import { formatDateTime } from '../format/format.ts'
import { encodeMessageRef } from '../messages/message-ref.ts'
import { ApiErrorAlert, MessageAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { usePasswordChangeMutation, useSession } from '../session/session.ts'

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword'
const FIELDS: readonly Field[] = ['currentPassword', 'newPassword', 'confirmPassword']
type Values = Record<Field, string>
type Errors = Partial<Record<Field, { message: string }>>

/** The client-side part of the policy (the history rule is checked by the API only). */
export function passwordPolicyChecks(password: string, userId: string) {
  return {
    length: password.length >= PASSWORD_MIN_LENGTH,
    classes: passwordCharacterClasses(password) >= 3,
    notUserId: password.length > 0 && !password.toLowerCase().includes(userId.toLowerCase()),
  }
}

function validate(values: Values, userId: string): Errors {
  const errors: Errors = {}
  const ref = (id: string) => ({ message: encodeMessageRef({ id }) })
  if (!values.currentPassword) errors.currentPassword = ref('E-COMMON-007')
  const checks = passwordPolicyChecks(values.newPassword, userId)
  if (!values.newPassword) errors.newPassword = ref('E-COMMON-007')
  else if (!checks.length) errors.newPassword = ref('E-AUTH-007')
  else if (!checks.classes) errors.newPassword = ref('E-AUTH-008')
  else if (!checks.notUserId) errors.newPassword = ref('E-AUTH-009')
  if (!values.confirmPassword) errors.confirmPassword = ref('E-COMMON-007')
  else if (values.confirmPassword !== values.newPassword) errors.confirmPassword = ref('E-AUTH-015')
  return errors
}

/** Why the change is forced: expired (W-AUTH-002), first login (W-AUTH-003), else E-AUTH-013. */
function forcedReason(session: SessionUser): string {
  if (new Date(session.passwordExpiresAt).getTime() <= Date.now()) return 'W-AUTH-002'
  if (session.previousLoginAt === null) return 'W-AUTH-003'
  return 'E-AUTH-013'
}

function PolicyItem({ met, children }: { met: boolean | null; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <List.Item
      icon={
        met ? (
          <CheckIcon size={14} color="var(--mantine-color-green-9)" />
        ) : (
          <DotIcon size={14} color="var(--mantine-color-gray-7)" />
        )
      }
      data-met={met === null ? undefined : met}
    >
      <Text span fz="sm" c={met ? 'green.9' : undefined}>
        {children}
      </Text>
      {met === null ? (
        <Text span fz="xs" c="dimmed">
          {' '}
          {t('password.policyServerChecked')}
        </Text>
      ) : (
        <span className="yoryo-visually-hidden">
          {met ? t('password.policyMet') : t('password.policyNotMet')}
        </span>
      )}
    </List.Item>
  )
}

/**
 * Password change (010), also the forced change after the first login or on expiry: current,
 * new and confirmation; the policy shown and checked as you type; server errors on the fields.
 */
export function PasswordChangePage() {
  const { t } = useTranslation()
  const { commonFunctionCode } = useAppConfig()
  const session = useSession()
  const navigate = useNavigate()
  const change = usePasswordChangeMutation()
  const fieldErrorText = useFieldErrorText()
  const forced = session.mustChangePassword
  const [values, setValues] = useState<Values>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  })
  const [errors, setErrors] = useState<Errors>({})
  const currentRef = useRef<HTMLInputElement>(null)
  const newRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)
  const focusField = (field: Field) => {
    const ref =
      field === 'currentPassword' ? currentRef : field === 'newPassword' ? newRef : confirmRef
    ref.current?.focus()
  }
  const checks = passwordPolicyChecks(values.newPassword, session.user.userId)

  const setField = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const setError = (
    field: Field,
    error: { message: string },
    options?: { shouldFocus: boolean },
  ) => {
    setErrors((e) => ({ ...e, [field]: error }))
    if (options?.shouldFocus) focusField(field)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (change.isPending) return
    const found = validate(values, session.user.userId)
    setErrors(found)
    const first = FIELDS.find((f) => found[f])
    if (first) {
      focusField(first)
      return
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () =>
          void navigate('/', { replace: true, ...noticeState({ id: 'I-AUTH-002' }) }),
        onError: (error) => {
          applyFieldErrors(error, setError, FIELDS)
        },
      },
    )
  }

  const error = change.error
  const showError = error && !(isApiError(error) && error.fieldErrors.length > 0)

  return (
    <Page functionCode={commonFunctionCode} title={t('functions.passwordChange')}>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Paper withBorder p="lg" w={420} className="yoryo-panel">
          <form onSubmit={onSubmit} noValidate data-testid="password-change-form">
            <Stack gap="sm">
              {forced ? (
                <MessageAlert id={forcedReason(session)} data-testid="forced-change" />
              ) : null}
              {showError ? <ApiErrorAlert error={error} /> : null}
              <PasswordInput
                ref={currentRef}
                label={t('password.currentPassword')}
                name="currentPassword"
                autoComplete="current-password"
                visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                required
                value={values.currentPassword}
                onChange={setField('currentPassword')}
                error={fieldErrorText(errors.currentPassword)}
                disabled={change.isPending}
              />
              <PasswordInput
                ref={newRef}
                label={t('password.newPassword')}
                name="newPassword"
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                required
                aria-describedby="password-policy"
                value={values.newPassword}
                onChange={setField('newPassword')}
                error={fieldErrorText(errors.newPassword)}
                disabled={change.isPending}
              />
              <PasswordInput
                ref={confirmRef}
                label={t('password.confirmPassword')}
                name="confirmPassword"
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                required
                value={values.confirmPassword}
                onChange={setField('confirmPassword')}
                error={fieldErrorText(errors.confirmPassword)}
                disabled={change.isPending}
              />
              <Group gap="sm" mt="xs">
                <Button type="submit" loading={change.isPending}>
                  {t('password.submit')}
                </Button>
                {forced ? null : (
                  <Button component={Link} to="/" variant="default" disabled={change.isPending}>
                    {t('common.cancel')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Paper>
        <Box w={340}>
          <Paper withBorder p="lg" className="yoryo-panel" id="password-policy">
            <Title order={2} className="yoryo-section-title" mb="xs">
              {t('password.policyTitle')}
            </Title>
            <List spacing={6} size="sm" center data-testid="password-policy">
              <PolicyItem met={checks.length}>
                {t('password.policyLength', { min: PASSWORD_MIN_LENGTH })}
              </PolicyItem>
              <PolicyItem met={checks.classes}>{t('password.policyClasses')}</PolicyItem>
              <PolicyItem met={checks.notUserId}>{t('password.policyNotUserId')}</PolicyItem>
              <PolicyItem met={null}>
                {t('password.policyHistory', { count: PASSWORD_HISTORY_SIZE })}
              </PolicyItem>
            </List>
          </Paper>
          <Text fz="xs" c="dimmed" mt="xs">
            {t('password.expiresAt', { value: formatDateTime(session.passwordExpiresAt) })}
          </Text>
        </Box>
      </Group>
    </Page>
  )
}
