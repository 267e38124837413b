import { Group, Input, TextInput, type TextInputProps } from '@mantine/core'
import { formatDateInput, parseDateInput } from '@yoryo/contracts'
import { forwardRef, useId, useState, type FocusEvent, type ReactNode } from 'react'
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

export interface DateTimeFieldProps {
  label: string
  description?: string
  error?: ReactNode
  /** A JST wall-clock time `yyyy-MM-ddTHH:mm` (as `fromJstInputValue` reads it), or ''. */
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  name?: string
}

/** `0930` or `9:30` as `09:30`; null when it is no time of day. */
function parseTime(text: string): string | null {
  const match = /^(\d{1,2}):?(\d{2})$/.exec(text.trim())
  if (!match) return null
  const [hour, minute] = [Number(match[1]), Number(match[2])]
  return hour <= 23 && minute <= 59
    ? `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
    : null
}

/**
 * A JST date and time: the `DateField` and a `HH:mm` field side by side, instead of the native
 * `datetime-local` control whose format follows the browser's locale. Text that is no time
 * stays in the value (`2026-12-01Tx`), so the form's schema reports it.
 */
export const DateTimeField = forwardRef<HTMLInputElement, DateTimeFieldProps>(
  function DateTimeField({ label, description, error, value, onChange, onBlur, name }, ref) {
    const { t } = useTranslation()
    const id = useId()
    const [datePart = '', timePart = ''] = value ? value.split('T') : []
    const [timeText, setTimeText] = useState<string | null>(null)
    const emit = (date: string, time: string) => {
      if (date === '' && time.trim() === '') onChange('')
      else onChange(`${date}T${parseTime(time) ?? time.trim()}`)
    }
    return (
      <Input.Wrapper
        label={label}
        description={description}
        error={error}
        labelProps={{ htmlFor: id }}
      >
        <Group gap={6} wrap="nowrap" mt={description ? 4 : 0}>
          <DateField
            id={id}
            ref={ref}
            name={name}
            w={150}
            value={datePart}
            aria-label={t('dateField.dateOf', { label })}
            error={error ? true : undefined}
            onChange={(date) => emit(date, timePart)}
            onBlur={onBlur}
          />
          <TextInput
            w={90}
            value={timeText ?? timePart}
            placeholder={t('dateField.timePlaceholder')}
            aria-label={t('dateField.timeOf', { label })}
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            className="yoryo-figures"
            error={error ? true : undefined}
            onChange={(event) => {
              setTimeText(event.currentTarget.value)
              emit(datePart, event.currentTarget.value)
            }}
            onBlur={() => {
              setTimeText(null)
              onBlur?.()
            }}
          />
        </Group>
      </Input.Wrapper>
    )
  },
)
