import { zodResolver } from '@hookform/resolvers/zod'
import { Box, Button, Group, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import {
  PASSWORD_HISTORY_SIZE,
  PASSWORD_MIN_LENGTH,
  passwordChangeRequestSchema,
  passwordCharacterClasses,
  type SessionUser,
} from '@yoryo/contracts'
import { useMemo, type ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { z } from 'zod'
import { applyFieldErrors, isShownOnFields } from '../api/form-errors.ts'
import { useAppConfig } from '../app-config.tsx'
import { noticeState } from '../components/flash-notice.tsx'
import { CheckIcon, DotIcon } from '../components/icons.tsx'
import { Page } from '../components/page.tsx'
import { useFocusWhenEnabled } from '../forms/use-focus-when-enabled.ts'
import { formatDateTime } from '../format/format.ts'
import { encodeMessageRef, zodIssueToMessage } from '../messages/message-ref.ts'
import { ApiErrorAlert, MessageAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { usePasswordChangeMutation, useSession } from '../session/session.ts'

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const

/** The client-side part of the policy (the history rule is checked by the API only). */
export function passwordPolicyChecks(password: string, userId: string) {
  return {
    length: password.length >= PASSWORD_MIN_LENGTH,
    classes: passwordCharacterClasses(password) >= 3,
    notUserId: password.length > 0 && !password.toLowerCase().includes(userId.toLowerCase()),
  }
}

/**
 * The contract's request plus the confirmation, with the policy checked as the API does
 * (length E-AUTH-007, character classes E-AUTH-008, user ID E-AUTH-009) and the confirmation
 * matched (E-AUTH-015). Empty fields get E-COMMON-007 from the error map.
 */
export function passwordChangeFormSchema(userId: string) {
  return passwordChangeRequestSchema
    .extend({ confirmPassword: passwordChangeRequestSchema.shape.newPassword })
    .superRefine((values, ctx) => {
      if (values.newPassword) {
        const checks = passwordPolicyChecks(values.newPassword, userId)
        const problem = !checks.length
          ? encodeMessageRef({ id: 'E-AUTH-007', params: { min: PASSWORD_MIN_LENGTH } })
          : !checks.classes
            ? encodeMessageRef({ id: 'E-AUTH-008' })
            : !checks.notUserId
              ? encodeMessageRef({ id: 'E-AUTH-009' })
              : null
        if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem })
      }
      if (values.confirmPassword && values.confirmPassword !== values.newPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmPassword'],
          message: encodeMessageRef({ id: 'E-AUTH-015' }),
        })
      }
    })
}
type FormSchema = ReturnType<typeof passwordChangeFormSchema>

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
        <Text fz="xs" c="dimmed">
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
  const userId = session.user.userId
  const schema = useMemo(() => passwordChangeFormSchema(userId), [userId])
  const form = useForm<z.input<FormSchema>, unknown, z.output<FormSchema>>({
    resolver: zodResolver(schema, { error: zodIssueToMessage }),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  })
  const { errors } = form.formState
  // Disabled while saving, and after success until the portal has loaded.
  const busy = change.isPending || change.isSuccess
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const newPassword = useWatch({ control: form.control, name: 'newPassword' })
  const checks = passwordPolicyChecks(newPassword, userId)

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      })
      void navigate('/', { replace: true, ...noticeState({ id: 'I-AUTH-002' }) })
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })

  const error = change.error
  const showError = error && !isShownOnFields(error, FIELDS)

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
              <fieldset disabled={busy} className="yoryo-fieldset">
                <Stack gap="sm">
                  <PasswordInput
                    label={t('password.currentPassword')}
                    autoComplete="current-password"
                    visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                    required
                    {...form.register('currentPassword')}
                    error={fieldErrorText(errors.currentPassword)}
                  />
                  <PasswordInput
                    label={t('password.newPassword')}
                    autoComplete="new-password"
                    visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                    required
                    aria-describedby="password-policy"
                    {...form.register('newPassword')}
                    error={fieldErrorText(errors.newPassword)}
                  />
                  <PasswordInput
                    label={t('password.confirmPassword')}
                    autoComplete="new-password"
                    visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                    required
                    {...form.register('confirmPassword')}
                    error={fieldErrorText(errors.confirmPassword)}
                  />
                  <Group gap="sm" mt="xs">
                    <Button type="submit" loading={busy}>
                      {t('password.submit')}
                    </Button>
                    {forced ? null : (
                      <Button component={Link} to="/" variant="default" disabled={busy}>
                        {t('common.cancel')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </fieldset>
            </Stack>
          </form>
        </Paper>
        <Box w={340}>
          <Paper withBorder p="lg" className="yoryo-panel" id="password-policy">
            <Title order={2} className="yoryo-section-title" mb="xs">
              {t('password.policyTitle')}
            </Title>
            <List spacing={6} size="sm" data-testid="password-policy" className="yoryo-policy-list">
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
