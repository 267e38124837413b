import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { isMessageId, loginRequestSchema, type LoginRequest } from '@yoryo/contracts'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { isApiError } from '../api/api-error.ts'
import { applyFieldErrors } from '../api/form-errors.ts'
import { authQueries, maintenanceQueries } from '../api/queries.ts'
import { useAppConfig } from '../app-config.tsx'
import { Page } from '../components/page.tsx'
import { WarningIcon } from '../components/icons.tsx'
import { formatDateTime } from '../format/format.ts'
import { ApiErrorAlert, MessageAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { zodIssueToMessage } from '../messages/message-ref.ts'
import { clearSessionData, safeNextPath, useLoginMutation } from '../session/session.ts'
import { StandaloneLayout } from '../shell/standalone-layout.tsx'

type Field = keyof LoginRequest
const FIELDS: readonly Field[] = ['participantCode', 'userId', 'password']
type Errors = Partial<Record<Field, { message: string }>>

/**
 * Login (010 / A20): participant code, user ID, password. Shows `?message=` (e.g. E-AUTH-004
 * after a session expired, I-AUTH-001 after logout). A user who is already logged in (the session
 * is shared by both SPAs) goes straight on; a forced password change goes to `/password`.
 */
export function LoginPage() {
  const { t } = useTranslation()
  const { commonFunctionCode } = useAppConfig()
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

  const [values, setValues] = useState<LoginRequest>({
    participantCode: '',
    userId: '',
    password: '',
  })
  const [errors, setErrors] = useState<Errors>({})
  const participantCodeRef = useRef<HTMLInputElement>(null)
  const userIdRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const focusField = (field: Field) => {
    const ref =
      field === 'participantCode'
        ? participantCodeRef
        : field === 'userId'
          ? userIdRef
          : passwordRef
    ref.current?.focus()
  }

  const queryClient = useQueryClient()
  useEffect(() => {
    // Whatever was cached belongs to a session that has ended (or will be replaced).
    clearSessionData(queryClient, { keepSession: true })
    participantCodeRef.current?.focus()
  }, [queryClient])

  if (
    me.isSuccess &&
    me.isFetchedAfterMount &&
    !me.isFetching &&
    !login.isPending &&
    !login.isSuccess
  ) {
    return <Navigate to={me.data.mustChangePassword ? '/password' : next} replace />
  }

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
    if (login.isPending) return
    const parsed = loginRequestSchema.safeParse(values, { error: zodIssueToMessage })
    if (!parsed.success) {
      const found: Errors = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field
        if (FIELDS.includes(field) && !found[field]) found[field] = { message: issue.message }
      }
      setErrors(found)
      const first = FIELDS.find((f) => found[f])
      if (first) focusField(first)
      return
    }
    setErrors({})
    login.mutate(parsed.data, {
      onSuccess: (user) => {
        void navigate(user.mustChangePassword ? '/password' : next, { replace: true })
      },
      onError: (error) => {
        if (applyFieldErrors(error, setError, FIELDS)) return
        setValues((v) => ({ ...v, password: '' }))
        passwordRef.current?.focus()
      },
    })
  }

  const loginError = login.error
  const showLoginError =
    loginError &&
    !(isApiError(loginError) && (loginError.fieldErrors.length > 0 || loginError.isMaintenance))

  return (
    <StandaloneLayout>
      <Page functionCode={commonFunctionCode} title={t('login.title')}>
        <form onSubmit={onSubmit} noValidate aria-describedby="login-help" data-testid="login-form">
          <Stack gap="sm">
            {noticeId && isMessageId(noticeId) && !loginError ? (
              <MessageAlert id={noticeId} data-testid="login-notice" />
            ) : null}
            {maintenance.data?.active ? (
              <Alert variant="light" color="orange" icon={<WarningIcon size={18} />} role="status">
                <Text fz="sm">{t('login.maintenanceNotice')}</Text>
                {maintenance.data.endsAt ? (
                  <Text fz="xs" c="dimmed" mt={4}>
                    {t('maintenanceScreen.endsAt', {
                      value: formatDateTime(maintenance.data.endsAt),
                    })}
                  </Text>
                ) : null}
              </Alert>
            ) : null}
            {showLoginError ? <ApiErrorAlert error={loginError} data-testid="login-error" /> : null}
            <TextInput
              ref={participantCodeRef}
              label={t('login.participantCode')}
              name="participantCode"
              autoComplete="organization"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={values.participantCode}
              onChange={setField('participantCode')}
              error={fieldErrorText(errors.participantCode)}
              disabled={login.isPending}
            />
            <TextInput
              ref={userIdRef}
              label={t('login.userId')}
              name="userId"
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              required
              value={values.userId}
              onChange={setField('userId')}
              error={fieldErrorText(errors.userId)}
              disabled={login.isPending}
            />
            <PasswordInput
              ref={passwordRef}
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
              required
              value={values.password}
              onChange={setField('password')}
              error={fieldErrorText(errors.password)}
              disabled={login.isPending}
            />
            <Button type="submit" fullWidth mt="xs" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Text id="login-help" fz="xs" c="dimmed">
              {t('login.help')}
            </Text>
          </Stack>
        </form>
      </Page>
    </StandaloneLayout>
  )
}
