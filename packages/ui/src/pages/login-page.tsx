import { zodResolver } from '@hookform/resolvers/zod'
import { Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { isMessageId, loginRequestSchema } from '@yoryo/contracts'
import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
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

type Schema = typeof loginRequestSchema
const FIELDS = ['participantCode', 'userId', 'password'] as const

/**
 * Whether a login lands in the other SPA: a TSO works in the delivery-period SPA (feeds, G00),
 * so its login on the pre-delivery portal without a `next` page goes there.
 */
function landsInOtherApp(role: string, app: string, next: string, mustChangePassword: boolean) {
  return role === 'tso' && app === 'preDelivery' && next === '/' && !mustChangePassword
}

/**
 * Login (010 / A20): participant code, user ID, password. Shows `?message=` (e.g. E-AUTH-004
 * after a session expired, I-AUTH-001 after logout) and, during maintenance, W-SYSTEM-002.
 * A user who is already logged in (the session is shared by both SPAs) goes straight on; a
 * forced password change goes to `/password`.
 */
export function LoginPage() {
  const { t } = useTranslation()
  const { commonFunctionCode, app, otherAppHref } = useAppConfig()
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

  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(loginRequestSchema, { error: zodIssueToMessage }),
    defaultValues: { participantCode: '', userId: '', password: '' },
  })
  const { errors } = form.formState
  const { setFocus } = form
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
    if (landsInOtherApp(me.data.user.role, app, next, me.data.mustChangePassword)) {
      window.location.replace(otherAppHref)
      return null
    }
    return <Navigate to={me.data.mustChangePassword ? '/password' : next} replace />
  }

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const user = await login.mutateAsync(values)
      if (landsInOtherApp(user.user.role, app, next, user.mustChangePassword)) {
        window.location.assign(otherAppHref)
        return
      }
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
