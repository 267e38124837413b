import { Anchor, Group, Paper, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ApplicationSummary } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  createColumnHelper,
  formatDateTime,
  useTranslation,
  applicationQueries,
  StateBadge,
  OPEN_STATES,
  useApplicationTitle,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'

const column = createColumnHelper<ApplicationSummary>()

/** The participant's applications still open (下書き, 申込済, 審査中, 差戻し), newest first. */
export function OpenApplications({ participantCode }: { participantCode: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const titleOf = useApplicationTitle()
  const list = useQuery(
    applicationQueries.list({
      page: 1,
      pageSize: 100,
      // Not createdAt: the API cannot sort non-nullable fields (500, see the report).
      sort: '-submittedAt',
      entityType: 'participant',
      participantCode,
    }),
  )
  const rows = list.data?.items.filter((a) => OPEN_STATES.includes(a.state))
  const columns = useMemo(
    () => [
      column.accessor('receiptNo', {
        header: t('applications.columns.receiptNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/applications/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { width: 150, nowrap: true },
        enableSorting: false,
      }),
      column.accessor((row) => titleOf(row), {
        id: 'title',
        header: t('applications.columns.kind'),
        enableSorting: false,
      }),
      column.accessor('state', {
        header: t('applications.columns.state'),
        cell: (info) => <StateBadge state={info.getValue()} />,
        meta: { width: 96, nowrap: true },
        enableSorting: false,
      }),
      column.accessor('submittedAt', {
        header: t('applications.columns.submittedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { width: 136, nowrap: true, tabular: true },
        enableSorting: false,
      }),
    ],
    [t, titleOf],
  )
  return (
    <Paper
      withBorder
      p="md"
      className="yoryo-panel"
      component="section"
      aria-labelledby="participant-open-applications"
    >
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id="participant-open-applications" className="yoryo-section-title">
          {t('participant.openApplications')}
        </Title>
        <Group gap="md">
          {rows ? (
            <Text fz="sm" c="dimmed">
              {t('common.count', { count: rows.length })}
            </Text>
          ) : null}
          <Anchor component={Link} to="/applications?state=all" fz="sm">
            {t('participant.allApplications')}
          </Anchor>
        </Group>
      </Group>
      {list.error ? <ApiErrorAlert error={list.error} mb="sm" /> : null}
      <DataTable
        label={t('participant.openApplications')}
        data={rows}
        columns={columns}
        loading={list.isPending}
        skeletonRows={2}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/applications/${row.id}`)}
        emptyMessage={t('participant.openApplicationsEmpty')}
        testId="participant-open-applications"
      />
    </Paper>
  )
}
