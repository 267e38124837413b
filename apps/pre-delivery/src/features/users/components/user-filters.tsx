import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Paper, Select, TextInput } from '@mantine/core'
import { userListQuerySchema, type Participant, type Role, type UserStatus } from '@yoryo/contracts'
import { SearchIcon, useFieldErrorText, useTranslation, zodIssueToMessage } from '@yoryo/ui'
import { Controller, useForm } from 'react-hook-form'
import { z } from 'zod'
import { participantLabel } from '../participant-label.ts'

const filterSchema = userListQuerySchema.pick({ q: true }).extend({
  participantId: z.string(),
  role: z.string(),
  status: z.string(),
})
type FilterSchema = typeof filterSchema
export type UserFilterValues = z.output<FilterSchema>

const STATUSES: readonly UserStatus[] = ['active', 'locked', 'cancelled']

/**
 * 検索条件 of the user list: participant (operator), user ID or name, role, status. Applied
 * with 検索 (or Enter); クリア empties them.
 */
export function UserFilters({
  values,
  roles,
  participants,
  onApply,
}: {
  values: UserFilterValues
  roles: readonly Role[]
  /** The operator's choice of participant; undefined hides the field. */
  participants: Participant[] | undefined
  onApply: (values: UserFilterValues) => void
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const form = useForm<z.input<FilterSchema>, unknown, UserFilterValues>({
    resolver: zodResolver(filterSchema, { error: zodIssueToMessage }),
    defaultValues: values,
  })
  const empty: UserFilterValues = { q: '', participantId: '', role: '', status: '' }

  const select = (
    name: 'participantId' | 'role' | 'status',
    label: string,
    data: { value: string; label: string }[],
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          data={[{ value: '', label: t('common.all') }, ...data]}
          value={field.value ?? ''}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          allowDeselect={false}
          w={name === 'participantId' ? 280 : 140}
          searchable={name === 'participantId'}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    />
  )

  return (
    <Paper withBorder p="sm" mb="sm" className="yoryo-panel">
      <form
        onSubmit={form.handleSubmit(onApply)}
        noValidate
        role="search"
        aria-label={t('listTools.filters')}
        data-testid="user-filters"
      >
        <Group gap="sm" align="flex-start" wrap="nowrap">
          {participants
            ? select(
                'participantId',
                t('users.filters.participant'),
                participants.map((p) => ({ value: p.id, label: participantLabel(p) })),
              )
            : null}
          <TextInput
            label={t('users.filters.keyword')}
            placeholder={t('users.filters.keywordPlaceholder')}
            leftSection={<SearchIcon size={14} />}
            w={240}
            maxLength={100}
            type="search"
            {...form.register('q')}
            error={fieldErrorText(form.formState.errors.q)}
          />
          {select(
            'role',
            t('users.filters.role'),
            roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          )}
          {select(
            'status',
            t('users.filters.status'),
            STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) })),
          )}
          <Group gap="xs" wrap="nowrap" className="yoryo-inline-submit">
            <Button type="submit">{t('listTools.search')}</Button>
            <Button
              variant="default"
              onClick={() => {
                form.reset(empty)
                onApply(empty)
              }}
            >
              {t('listTools.clear')}
            </Button>
          </Group>
        </Group>
      </form>
    </Paper>
  )
}
