import { Badge, Group, Stack, Switch, Text, Title } from '@mantine/core'
import type { Application } from '@yoryo/contracts'
import {
  DataTable,
  createColumnHelper,
  useTranslation,
  useApplicationViews,
  type ContentRow,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { hasCurrentValues, useApplicationContent } from '../content.ts'

const column = createColumnHelper<ContentRow>()

/**
 * The content of an application: per group a table 項目 / 現在の値 / 申込内容 for a change (changed
 * rows tinted and marked 変更あり, optionally alone), 項目 / 申込内容 otherwise.
 */
export function ApplicationContent({ application }: { application: Application }) {
  const { t } = useTranslation()
  const contentOf = useApplicationContent()
  const withCurrent = hasCurrentValues(application)
  const [changedOnly, setChangedOnly] = useState(false)
  const groups = useMemo(() => contentOf(application), [contentOf, application])
  const changedCount = groups.reduce((n, g) => n + g.rows.filter((r) => r.changed).length, 0)

  const columns = useMemo(() => {
    const empty = (
      <Text span fz="sm" c="dimmed">
        {t('applications.detail.empty')}
      </Text>
    )
    return [
      column.accessor('label', {
        header: t('applications.detail.item'),
        cell: (info) => (
          <Group gap={6} wrap="nowrap" justify="space-between">
            <span>{info.getValue()}</span>
            {info.row.original.changed ? (
              <Badge size="xs" radius="sm" variant="light" color="orange">
                {t('applications.detail.changed')}
              </Badge>
            ) : null}
          </Group>
        ),
        meta: { width: 240 },
        enableSorting: false,
      }),
      ...(withCurrent
        ? [
            column.accessor('current', {
              header: t('applications.detail.current'),
              cell: (info) => (
                <span className={info.row.original.code ? 'yoryo-code' : undefined}>
                  {info.getValue() || empty}
                </span>
              ),
              meta: { width: 380 },
              enableSorting: false,
            }),
          ]
        : []),
      column.accessor('proposed', {
        header: t('applications.detail.proposed'),
        cell: (info) => (
          <span
            className={[
              info.row.original.code ? 'yoryo-code' : '',
              info.row.original.changed ? 'yoryo-changed-value' : '',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            {info.getValue() || empty}
          </span>
        ),
        enableSorting: false,
      }),
    ]
  }, [t, withCurrent])

  return (
    <Stack gap="md" data-testid="application-content">
      {withCurrent ? (
        <Group justify="space-between">
          <Text fz="sm" fw={700} data-testid="changed-count">
            {changedCount > 0
              ? t('applications.detail.changedCount', { count: changedCount })
              : t('applications.detail.noChanges')}
          </Text>
          <Switch
            label={t('applications.detail.changedOnly')}
            checked={changedOnly}
            onChange={(event) => setChangedOnly(event.currentTarget.checked)}
            disabled={changedCount === 0}
          />
        </Group>
      ) : null}
      {groups.map((group) => {
        const rows = changedOnly ? group.rows.filter((r) => r.changed) : group.rows
        if (changedOnly && rows.length === 0) return null
        const id = `application-content-${group.key}`
        return (
          <section key={group.key} aria-labelledby={id}>
            {groups.length > 1 ? (
              <Title order={3} id={id} fz="sm" mb={6}>
                {group.title}
              </Title>
            ) : (
              <span id={id} className="yoryo-visually-hidden">
                {group.title}
              </span>
            )}
            <DataTable
              label={`${withCurrent ? t('applications.detail.diffTableLabel') : t('applications.detail.proposedTableLabel')}：${group.title}`}
              data={rows}
              columns={columns}
              getRowId={(row) => row.path}
              rowClassName={(row) => (row.changed ? 'yoryo-tr-changed' : undefined)}
              testId={`application-content-table-${group.key}`}
            />
          </section>
        )
      })}
    </Stack>
  )
}

/**
 * What the applicant changed since the application was last returned (差戻し後の修正内容): the
 * value when returned beside the resubmitted one, item by item (list elements one by one).
 */
export function SinceReturned({ application }: { application: Application }) {
  const { t } = useTranslation()
  const view = useApplicationViews()(application.entityType)
  const rows = useMemo<ContentRow[]>(
    () =>
      (application.sinceReturned ?? []).map((d) => ({
        path: d.path,
        label: view.fieldLabel(d.path, t, d),
        current: view.valueText(d.path, d.current, t),
        proposed: view.valueText(d.path, d.proposed, t),
        changed: true,
        code: false,
      })),
    [application.sinceReturned, view, t],
  )
  const columns = useMemo(
    () => [
      column.accessor('label', {
        header: t('applications.detail.item'),
        meta: { width: 240 },
        enableSorting: false,
      }),
      column.accessor('current', {
        header: t('applications.detail.returnedValue'),
        cell: (info) => info.getValue() || t('applications.detail.empty'),
        meta: { width: 380 },
        enableSorting: false,
      }),
      column.accessor('proposed', {
        header: t('applications.detail.resubmittedValue'),
        cell: (info) => (
          <span className="yoryo-changed-value">
            {info.getValue() || t('applications.detail.empty')}
          </span>
        ),
        enableSorting: false,
      }),
    ],
    [t],
  )
  if (rows.length === 0) {
    return (
      <Text fz="sm" data-testid="since-returned">
        {t('applications.detail.sinceReturnedNone')}
      </Text>
    )
  }
  return (
    <DataTable
      label={t('applications.detail.sinceReturnedLabel')}
      data={rows}
      columns={columns}
      getRowId={(row) => row.path}
      testId="since-returned"
    />
  )
}
