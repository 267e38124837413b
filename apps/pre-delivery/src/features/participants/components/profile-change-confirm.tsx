import { Stack, Text, Title } from '@mantine/core'
import type { ParticipantProfile } from '@yoryo/contracts'
import {
  DataTable,
  createColumnHelper,
  useTranslation,
  CODE_FIELDS,
  PROFILE_FIELDS,
  useProfileValueText,
  type ProfileField,
} from '@yoryo/ui'
import { useMemo, type Ref } from 'react'

interface Row {
  field: ProfileField
  label: string
  current: string
  proposed: string
}

const column = createColumnHelper<Row>()

/**
 * 確認 (030): the items a change or a resubmission changes, current value beside the new one,
 * before the user files it. Nothing is sent until the user confirms.
 */
export function ProfileChangeConfirm({
  current,
  proposed,
  title,
  description,
  headingRef,
}: {
  current: Partial<ParticipantProfile>
  proposed: ParticipantProfile
  title: string
  description: string
  headingRef?: Ref<HTMLHeadingElement>
}) {
  const { t } = useTranslation()
  const valueText = useProfileValueText()
  const rows = useMemo<Row[]>(
    () =>
      PROFILE_FIELDS.filter((f) => (proposed[f] ?? '') !== (current[f] ?? '')).map((field) => ({
        field,
        label: t(`participant.fields.${field}`),
        current: valueText(field, current[field]),
        proposed: valueText(field, proposed[field]),
      })),
    [current, proposed, t, valueText],
  )
  const columns = useMemo(() => {
    const value = (text: string, field: ProfileField) =>
      text ? (
        <span className={CODE_FIELDS.has(field) ? 'yoryo-code' : undefined}>{text}</span>
      ) : (
        <Text span fz="sm" c="dimmed">
          {t('participant.change.empty')}
        </Text>
      )
    return [
      column.accessor('label', {
        header: t('participant.change.item'),
        meta: { width: 240 },
        enableSorting: false,
      }),
      column.accessor('current', {
        header: t('participant.change.currentValue'),
        cell: (info) => value(info.getValue(), info.row.original.field),
        enableSorting: false,
      }),
      column.accessor('proposed', {
        header: t('participant.change.newValue'),
        cell: (info) => (
          <span className="yoryo-changed-value">
            {value(info.getValue(), info.row.original.field)}
          </span>
        ),
        enableSorting: false,
      }),
    ]
  }, [t])
  return (
    <Stack gap="sm" data-testid="profile-change-confirm">
      <Title order={2} className="yoryo-section-title" ref={headingRef} tabIndex={-1}>
        {title}
      </Title>
      <Text fz="sm">{description}</Text>
      <DataTable
        label={t('participant.change.tableLabel')}
        data={rows}
        columns={columns}
        getRowId={(row) => row.field}
      />
    </Stack>
  )
}
