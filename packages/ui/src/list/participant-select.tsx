import { Select, type SelectProps } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { forwardRef } from 'react'
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { participantOptionQueries } from '../api/users.ts'

/** A participant in a choice list: code and name, apart by an ideographic space. */
export function participantLabel(participant: { code: string; name: string }): string {
  return `${participant.code}\u3000${participant.name}`
}

export interface ParticipantSelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'defaultValue'
> {
  /** The chosen participant's `id` (or `code` with `valueKey="code"`); '' for all. */
  value: string
  onChange: (value: string) => void
  valueKey?: 'id' | 'code'
  /** Offer "all participants" as the empty choice (filters). */
  withAll?: boolean
}

/**
 * The operator's choice of a participant (filters and forms): the active participants by code
 * and name, searchable by either.
 */
export const ParticipantSelect = forwardRef<HTMLInputElement, ParticipantSelectProps>(
  function ParticipantSelect(
    { value, onChange, valueKey = 'id', withAll = false, label, ...props },
    ref,
  ) {
    const { t } = useTranslation()
    const participants = useQuery(participantOptionQueries.active())
    const options = (participants.data ?? []).map((p) => ({
      value: valueKey === 'id' ? p.id : p.code,
      label: participantLabel(p),
    }))
    return (
      <Select
        ref={ref}
        label={label ?? t('listKit.participant')}
        placeholder={t('listKit.participantPlaceholder')}
        w={280}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('table.empty')}
        comboboxProps={{ withinPortal: true }}
        {...props}
        data={withAll ? [{ value: '', label: t('listKit.allParticipants') }, ...options] : options}
        value={value}
        onChange={(next) => onChange(next ?? '')}
      />
    )
  },
)

/**
 * The participant field of a list's `FilterBar` form (operator only): `ParticipantSelect` with
 * "all participants", bound to the form field `name`.
 */
export function ParticipantFilter<T extends FieldValues>({
  control,
  name,
  label,
  valueKey,
  w,
}: {
  control: Control<T>
  name: FieldPath<T>
  label: string
  valueKey?: 'id' | 'code'
  w?: number
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ParticipantSelect
          label={label}
          valueKey={valueKey}
          withAll
          {...(w ? { w } : {})}
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
        />
      )}
    />
  )
}
