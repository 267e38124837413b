import { Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { isMessageId, loginRequestSchema } from '@yoryo/contracts'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import type { z } from 'zod'
import { isApiError } from '../api/api-error.ts'
import { applyFieldErrors, isShownOnFields } from '../api/form-errors.ts'
import { authQueries, maintenanceQueries } from '../api/queries.ts'
import { useAppConfig } from '../app-config.tsx'
import { Page } from '../components/page.tsx'
import { useFocusWhenEnabled } from '../forms/use-focus-when-enabled.ts'
import { formatDateTime } from '../format/format.ts'
import { ApiErrorAlert, MessageAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { zodIssueToMessage } from '../messages/message-ref.ts'
import { clearSessionData, safeNextPath, useLoginMutation } from '../session/session.ts'
import { StandaloneLayout } from '../shell/standalone-layout.tsx'

type Values = z.input<typeof loginRequestSchema>
const FIELDS = ['participantCode', 'userId', 'password'] as const
type Field = (typeof FIELDS)[number]
type FieldErrors = Partial<Record<Field, { message: string }>>

/**
 * The login form's state, without react-hook-form: the login page is in the entry chunk (the
 * first screen of the day), which stays small (issue 7: ≤ 200 KB of JS). It does what the
 * other forms get from `useForm` + `zodResolver`, for three text fields: validation with the
 * contract schema on submit (catalogue messages through `zodIssueToMessage`), again on each
 * change after the first submit, the first invalid field focused, server field errors set through
 * `setError` (`applyFieldErrors`), `resetField` and `setFocus`.
 */
function useLoginForm() {
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({})
  const submitted = useRef(false)
  const [errors, setErrors] = useState<FieldErrors>({})

  const values = (): Values => ({
    participantCode: inputs.current.participantCode?.value ?? '',
    userId: inputs.current.userId?.value ?? '',
    password: inputs.current.password?.value ?? '',
  })
  const validate = () => {
    const result = loginRequestSchema.safeParse(values(), { error: zodIssueToMessage })
    const found: FieldErrors = {}
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = FIELDS.find((f) => f === issue.path[0])
        if (field && !found[field]) found[field] = { message: issue.message }
      }
    }
    return { data: result.success ? result.data : null, errors: found }
  }

  const setFocus = useCallback((name: Field) => inputs.current[name]?.focus(), [])
  const setError = useCallback(
    (name: Field, error: { message: string }, options?: { shouldFocus: boolean }) => {
      setErrors((current) => ({ ...current, [name]: { message: error.message } }))
      if (options?.shouldFocus) inputs.current[name]?.focus()
    },
    [],
  )
  const resetField = (name: Field) => {
    const input = inputs.current[name]
    if (input) input.value = ''
    setErrors(({ [name]: _, ...rest }) => rest)
  }
  const register = (name: Field) => ({
    name,
    ref: (element: HTMLInputElement | null) => {
      inputs.current[name] = element
    },
    onChange: () => {
      if (!submitted.current) return
      const error = validate().errors[name]
      setErrors(({ [name]: _, ...rest }) => (error ? { ...rest, [name]: error } : rest))
    },
  })
  const handleSubmit =
    (onValid: (data: z.output<typeof loginRequestSchema>) => Promise<void>) =>
    async (event: FormEvent) => {
      event.preventDefault()
      submitted.current = true
      const result = validate()
      setErrors(result.errors)
      if (result.data) return onValid(result.data)
      const first = FIELDS.find((f) => result.errors[f])
      if (first) setFocus(first)
    }

  return { errors, register, handleSubmit, setError, setFocus, resetField }
}

/**
 * Login (010 / A20): participant code, user ID, password. Shows `?message=` (e.g. E-AUTH-004
 * after a session expired, I-AUTH-001 after logout) and, during maintenance, W-SYSTEM-002.
 * A user who is already logged in (the session is shared by both SPAs) goes straight on; a
 * forced password change goes to `/password`.
 */
export function LoginPage() {
  const { t } = useTranslation()
  const { commonFunctionCode, app } = useAppConfig()
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const next = safeNextPath(
    searchParams.get('message') === 'I-AUTH-001' ? null : searchParams.get('next'),
  )
  const noticeId = searchParams.get('message')
  // Ask the server afresh (the cache may still hold a session that was just logged out).
  const me = useQuery({
    ...authQueries.me(),
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    throwOnError: false,
  })
  // Only a hint here: if it cannot be read, the login itself reports the problem.
  const maintenance = useQuery({ ...maintenanceQueries.status(), throwOnError: false })
  const login = useLoginMutation()
  const fieldErrorText = useFieldErrorText()

  const form = useLoginForm()
  const { errors, setFocus } = form
  // Disabled while logging in, and after success until the next screen has loaded.
  const busy = login.isPending || login.isSuccess
  const focusField = useFocusWhenEnabled(setFocus, busy)

  const queryClient = useQueryClient()
  useEffect(() => {
    // Whatever was cached belongs to a session that has ended (or will be replaced).
    clearSessionData(queryClient, { keepSession: true })
    setFocus('participantCode')
  }, [queryClient, setFocus])

  if (
    me.isSuccess &&
    me.isFetchedAfterMount &&
    !me.isFetching &&
    !login.isPending &&
    !login.isSuccess
  ) {
    return <Navigate to={me.data.mustChangePassword ? '/password' : next} replace />
  }

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const user = await login.mutateAsync(values)
      void navigate(user.mustChangePassword ? '/password' : next, { replace: true })
    } catch (error) {
      if (applyFieldErrors(error, form.setError, FIELDS, focusField)) return
      // Wrong credentials, locked user, …: the password is typed again.
      form.resetField('password')
      focusField('password')
    }
  })

  const loginError = login.error
  // Maintenance (503) leads to the maintenance screen instead (ApiErrorRedirects).
  const showLoginError =
    loginError &&
    !isShownOnFields(loginError, FIELDS) &&
    !(isApiError(loginError) && loginError.isMaintenance)

  return (
    <StandaloneLayout>
      <Page functionCode={commonFunctionCode} title={t('login.title')}>
        <form onSubmit={onSubmit} noValidate aria-describedby="login-help" data-testid="login-form">
          <Stack gap="sm">
            {noticeId && isMessageId(noticeId) && !loginError ? (
              <MessageAlert id={noticeId} data-testid="login-notice" />
            ) : null}
            {maintenance.data?.active ? (
              <MessageAlert id="W-SYSTEM-002" data-testid="login-maintenance-notice">
                {maintenance.data.endsAt ? (
                  <Text fz="xs" c="dimmed" mt={4}>
                    {t('maintenanceScreen.endsAt', {
                      value: formatDateTime(maintenance.data.endsAt),
                    })}
                  </Text>
                ) : null}
              </MessageAlert>
            ) : null}
            {showLoginError ? <ApiErrorAlert error={loginError} data-testid="login-error" /> : null}
            <fieldset disabled={busy} className="yoryo-fieldset">
              <Stack gap="sm">
                <TextInput
                  label={t('login.participantCode')}
                  autoComplete="organization"
                  autoCapitalize="characters"
                  spellCheck={false}
                  required
                  {...form.register('participantCode')}
                  error={fieldErrorText(errors.participantCode)}
                />
                <TextInput
                  label={t('login.userId')}
                  autoComplete="username"
                  autoCapitalize="off"
                  spellCheck={false}
                  required
                  {...form.register('userId')}
                  error={fieldErrorText(errors.userId)}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                  required
                  {...form.register('password')}
                  error={fieldErrorText(errors.password)}
                />
                <Button type="submit" fullWidth mt="xs" loading={busy}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </fieldset>
            <Text id="login-help" fz="xs" c="dimmed" className="yoryo-phrase">
              {t('login.help')}
            </Text>
            <Divider />
            {/* 700: companies not yet registered apply without a login (pre-delivery SPA). */}
            {app === 'preDelivery' ? (
              <Anchor component={Link} to="/apply" fz="sm" data-testid="apply-link">
                {t('login.applyLink')}
              </Anchor>
            ) : (
              <Anchor href="/apply" fz="sm" data-testid="apply-link">
                {t('login.applyLink')}
              </Anchor>
            )}
          </Stack>
        </form>
      </Page>
    </StandaloneLayout>
  )
}
