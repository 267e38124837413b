import { Select, TextInput } from '@mantine/core'
import {
  Controller,
  type Control,
  type FieldError,
  type FieldPath,
  type FieldValues,
  type UseFormRegisterReturn,
} from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { SearchIcon } from '../components/icons.tsx'
import { useFieldErrorText } from '../messages/message-text.tsx'

export interface ChoiceFilterProps<T extends FieldValues> {
  control: Control<T>
  name: FieldPath<T>
  label: string
  options: readonly { value: string; label: string }[]
  w?: number
  /**
   * The first choice, meaning "no filter": by default `''` labelled すべて; `null` for none
   * (the field always holds one of `options`).
   */
  all?: { value: string; label: string } | null
}

/**
 * A choice field of a list's `FilterBar` form: すべて and the options, never empty.
 */
export function ChoiceFilter<T extends FieldValues>({
  control,
  name,
  label,
  options,
  w = 150,
  all,
}: ChoiceFilterProps<T>) {
  const { t } = useTranslation()
  const first = all === undefined ? { value: '', label: t('common.all') } : all
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          w={w}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data={first ? [first, ...options] : [...options]}
          value={field.value as string}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
        />
      )}
    />
  )
}

export interface KeywordFilterProps {
  /** `form.register('q')` */
  registration: UseFormRegisterReturn
  error: FieldError | undefined
  label: string
  placeholder?: string
  w?: number
  maxLength?: number
}

/** The keyword field of a list's `FilterBar` form (a search box with its error). */
export function KeywordFilter({
  registration,
  error,
  label,
  placeholder,
  w = 240,
  maxLength = 100,
}: KeywordFilterProps) {
  const fieldErrorText = useFieldErrorText()
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<SearchIcon size={14} />}
      w={w}
      maxLength={maxLength}
      type="search"
      {...registration}
      error={fieldErrorText(error)}
    />
  )
}
