import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Paper, Text } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'
import {
  Controller,
  useForm,
  type Control,
  type FieldError,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { SearchIcon } from '../components/icons.tsx'
import { DateField } from '../forms/date-field.tsx'
import { useFieldErrorText } from '../messages/message-text.tsx'
import { zodIssueToMessage } from '../messages/message-ref.ts'

export interface FilterBarProps<In extends FieldValues, Out> {
  /** The filter's schema (picked from the list's query schema in contracts). */
  schema: z.ZodType<Out, In>
  /** The filters in the URL now; the form follows them (back button, クリア). */
  values: In
  onApply: (values: Out) => void
  onClear: () => void
  /** The fields, bound to the form. */
  children: (form: UseFormReturn<In, unknown, Out>) => ReactNode
  testId?: string
}

/**
 * 検索条件 of a list: the fields in one row (wrapping on narrow screens), applied with 検索 or
 * Enter, emptied with 条件をクリア. The one filter form of every list.
 */
export function FilterBar<In extends FieldValues, Out>({
  schema,
  values,
  onApply,
  onClear,
  children,
  testId,
}: FilterBarProps<In, Out>) {
  const { t } = useTranslation()
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(schema, { error: zodIssueToMessage }),
    defaultValues: values as never,
  })
  const key = JSON.stringify(values)
  const { reset } = form
  useEffect(() => reset(JSON.parse(key) as In), [key, reset])
  return (
    <Paper
      withBorder
      p="sm"
      className="yoryo-panel"
      component="form"
      role="search"
      onSubmit={form.handleSubmit(onApply)}
      noValidate
      aria-label={t('listTools.filters')}
      data-testid={testId}
    >
      <Group gap="sm" align="flex-start" wrap="wrap">
        {children(form)}
        <Group gap="xs" wrap="nowrap" ml="auto" className="yoryo-inline-submit">
          <Button type="submit" leftSection={<SearchIcon size={14} />}>
            {t('listTools.search')}
          </Button>
          <Button variant="default" onClick={onClear}>
            {t('listTools.clear')}
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}

export interface DateRangeFilterProps<T extends FieldValues> {
  control: Control<T>
  from: Path<T>
  to: Path<T>
  /** What the dates are of, e.g. 日付 or 提出日. */
  label: string
  errors?: { from?: FieldError | undefined; to?: FieldError | undefined }
}

/** From–to dates of a list filter (JST days, `yyyy/MM/dd`, either end open). */
export function DateRangeFilter<T extends FieldValues>({
  control,
  from,
  to,
  label,
  errors,
}: DateRangeFilterProps<T>) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const field = (name: Path<T>, text: string, error: FieldError | undefined) => (
    <Controller
      control={control}
      name={name}
      render={({ field: f }) => (
        <DateField
          label={text}
          w={150}
          value={f.value as string}
          onChange={f.onChange}
          onBlur={f.onBlur}
          ref={f.ref}
          name={f.name}
          error={fieldErrorText(error)}
        />
      )}
    />
  )
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      {field(from, t('listTools.dateFrom', { label }), errors?.from)}
      <Text span pt={30} aria-hidden="true">
        {t('listTools.dateRangeSeparator')}
      </Text>
      {field(to, t('listTools.dateTo', { label }), errors?.to)}
    </Group>
  )
}
