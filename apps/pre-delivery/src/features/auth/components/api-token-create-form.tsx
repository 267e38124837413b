import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core'
import { apiTokenCreateSchema, type ApiTokenCreated } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { Controller, useForm } from 'react-hook-form'
import type { z } from 'zod'
import { useCreateApiToken } from '../api.ts'

type Schema = typeof apiTokenCreateSchema
const FIELDS = ['name', 'expiresInDays'] as const
const EXPIRY_CHOICES = [30, 90, 180, 365] as const

/** Name + validity → issues a token; the caller shows it once. */
export function ApiTokenCreateForm({ onCreated }: { onCreated: (token: ApiTokenCreated) => void }) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const create = useCreateApiToken()
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(apiTokenCreateSchema, { error: zodIssueToMessage }),
    defaultValues: { name: '', expiresInDays: 90 },
  })
  const { errors } = form.formState
  const busy = create.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync(values)
      form.reset({ name: '', expiresInDays: values.expiresInDays })
      onCreated(created)
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })

  const error = create.error
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <Paper
      withBorder
      p="md"
      className="yoryo-panel"
      component="section"
      aria-labelledby="api-token-create-title"
    >
      <Title order={2} id="api-token-create-title" className="yoryo-section-title" mb="sm">
        {t('apiTokens.createTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate data-testid="api-token-create-form">
        <Stack gap="sm">
          {showError ? <ApiErrorAlert error={error} /> : null}
          <fieldset disabled={busy} className="yoryo-fieldset">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                label={t('apiTokens.name')}
                placeholder={t('apiTokens.namePlaceholder')}
                required
                w={360}
                maxLength={50}
                autoComplete="off"
                {...form.register('name')}
                error={fieldErrorText(errors.name)}
              />
              <Controller
                control={form.control}
                name="expiresInDays"
                render={({ field }) => (
                  <Select
                    label={t('apiTokens.expiresIn')}
                    required
                    w={140}
                    allowDeselect={false}
                    data={EXPIRY_CHOICES.map((days) => ({
                      value: String(days),
                      label: t('apiTokens.days', { count: days }),
                    }))}
                    value={String(field.value)}
                    onChange={(value) => field.onChange(Number(value))}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.expiresInDays)}
                  />
                )}
              />
              <Button type="submit" loading={busy} className="yoryo-inline-submit">
                {t('apiTokens.create')}
              </Button>
            </Group>
          </fieldset>
        </Stack>
      </form>
    </Paper>
  )
}
