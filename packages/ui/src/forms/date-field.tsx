import { TextInput, type TextInputProps } from '@mantine/core'
import { formatDateInput, parseDateInput } from '@yoryo/contracts'
import { forwardRef, useState, type FocusEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CalendarIcon } from '../components/icons.tsx'

export interface DateFieldProps extends Omit<
  TextInputProps,
  'value' | 'defaultValue' | 'onChange' | 'type'
> {
  /** An ISO date (`2026-12-01`), '' for none, or the text typed when it is no date yet. */
  value: string | null | undefined
  /** The ISO date typed, '' when emptied, or the raw text while it is no date. */
  onChange: (value: string) => void
}

/**
 * The one date input of both SPAs: shows and accepts `yyyy/MM/dd` whatever the browser's
 * locale (a native date control shows `mm/dd/yyyy` in an English browser), and reads
 * `20261201`, `2026/12/1` or `2026-12-01` as typed. The value is the ISO date the API takes;
 * text that is no date stays in the value, so the form's schema reports it.
 */
export const DateField = forwardRef<HTMLInputElement, DateFieldProps>(function DateField(
  { value, onChange, onBlur, onFocus, placeholder, ...props },
  ref,
) {
  const { t } = useTranslation()
  const shown = formatDateInput(value ?? '')
  const [text, setText] = useState<string | null>(null)
  return (
    <TextInput
      ref={ref}
      {...props}
      value={text ?? shown}
      placeholder={placeholder ?? t('dateField.placeholder')}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
      className={['yoryo-figures', props.className].filter(Boolean).join(' ')}
      leftSection={props.leftSection ?? <CalendarIcon size={14} />}
      onFocus={(event: FocusEvent<HTMLInputElement>) => {
        setText(shown)
        onFocus?.(event)
      }}
      onChange={(event) => {
        const typed = event.currentTarget.value
        setText(typed)
        const trimmed = typed.trim()
        onChange(trimmed === '' ? '' : (parseDateInput(trimmed) ?? trimmed))
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        // Show what was understood: `20261201` becomes `2026/12/01`.
        setText(null)
        onBlur?.(event)
      }}
    />
  )
})
