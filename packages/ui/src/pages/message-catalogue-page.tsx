import { Badge, Group, Paper, SegmentedControl, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Severity } from '@yoryo/contracts'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { messageQueries, type CatalogueEntry } from '../api/queries.ts'
import { useAppConfig } from '../app-config.tsx'
import { createColumnHelper, DataTable } from '../components/data-table.tsx'
import { SearchIcon } from '../components/icons.tsx'
import { Page } from '../components/page.tsx'
import { SEVERITY_COLOR } from '../messages/message-text.tsx'

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']
const column = createColumnHelper<CatalogueEntry>()

function isSeverity(value: string | null): value is Severity {
  return value !== null && (SEVERITIES as readonly string[]).includes(value)
}

/** Case- and width-insensitive match on ID, Japanese and English text. */
export function filterCatalogue(
  entries: readonly CatalogueEntry[],
  query: string,
  severity: Severity | null,
): CatalogueEntry[] {
  const q = query.normalize('NFKC').trim().toLowerCase()
  return entries.filter(
    (e) =>
      (severity === null || e.severity === severity) &&
      (q === '' ||
        e.id.toLowerCase().includes(q) ||
        e.ja.normalize('NFKC').toLowerCase().includes(q) ||
        e.en.toLowerCase().includes(q)),
  )
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={SEVERITY_COLOR[severity]} size="sm" radius="sm" miw={56}>
      {t(`severity.${severity}`)}
    </Badge>
  )
}

/**
 * Message list (600 / G30): every message of the shared catalogue, searchable by ID or text in
 * either language and filtered by severity. Filters live in the URL (`?q=&severity=`).
 */
export function MessageCataloguePage() {
  const { t } = useTranslation()
  const { messagesFunctionCode } = useAppConfig()
  const [searchParams, setSearchParams] = useSearchParams()
  const query = searchParams.get('q') ?? ''
  const severityParam = searchParams.get('severity')
  const severity = isSeverity(severityParam) ? severityParam : null
  const catalogue = useQuery(messageQueries.catalogue())

  const rows = useMemo(
    () => filterCatalogue(catalogue.data ?? [], query, severity),
    [catalogue.data, query, severity],
  )

  const update = (key: 'q' | 'severity', value: string) => {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  }

  const columns = useMemo(
    () => [
      column.accessor('id', {
        header: t('messageCatalogue.columns.id'),
        meta: { width: 130, nowrap: true, mono: true },
      }),
      column.accessor('severity', {
        header: t('messageCatalogue.columns.severity'),
        cell: (info) => <SeverityBadge severity={info.getValue()} />,
        meta: { width: 92, nowrap: true },
      }),
      column.accessor('ja', {
        header: t('messageCatalogue.columns.ja'),
        cell: (info) => <span lang="ja">{info.getValue()}</span>,
        enableSorting: false,
      }),
      column.accessor('en', {
        header: t('messageCatalogue.columns.en'),
        cell: (info) => <span lang="en">{info.getValue()}</span>,
        enableSorting: false,
      }),
    ],
    [t],
  )

  const total = catalogue.data?.length ?? 0

  return (
    <Page
      functionCode={messagesFunctionCode}
      title={t('functions.messages')}
      description={t('messageCatalogue.description')}
    >
      <Paper withBorder p="sm" mb="sm" className="yoryo-panel">
        <Group gap="md" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('messageCatalogue.searchLabel')}
            placeholder={t('messageCatalogue.searchPlaceholder')}
            leftSection={<SearchIcon size={14} />}
            value={query}
            onChange={(e) => update('q', e.currentTarget.value)}
            type="search"
            w={360}
          />
          <div>
            <Text
              component="span"
              fz="sm"
              fw={500}
              display="block"
              mb={4}
              id="severity-filter-label"
            >
              {t('messageCatalogue.severityLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="severity-filter-label"
              value={severity ?? 'all'}
              onChange={(value) => update('severity', value === 'all' ? '' : value)}
              data={[
                { value: 'all', label: t('common.all') },
                ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) })),
              ]}
              size="sm"
            />
          </div>
          <Text fz="sm" c="dimmed" ml="auto" aria-live="polite" data-testid="message-count">
            {rows.length === total
              ? t('common.count', { count: total })
              : t('common.filteredCount', { count: rows.length, total })}
          </Text>
        </Group>
      </Paper>
      <DataTable
        label={t('messageCatalogue.tableLabel')}
        data={catalogue.data ? rows : undefined}
        columns={columns}
        loading={catalogue.isPending}
        getRowId={(row) => row.id}
        emptyMessage={t('messageCatalogue.empty')}
        initialSorting={[{ id: 'id', desc: false }]}
        maxHeight="calc(100dvh - 280px)"
        testId="message-table"
      />
    </Page>
  )
}
