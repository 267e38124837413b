import { Button, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { effectivenessTestSortFields, type EffectivenessTest } from '@yoryo/contracts'
import {
  canEditGroup,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDate,
  formatNumber,
  KeywordFilter,
  ListScreen,
  Page,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { z } from 'zod'
import { EFFECTIVENESS_TESTS_PATH, expectedCapacityQueries } from '../api.ts'

const column = createColumnHelper<EffectivenessTest>()
const filterSchema = z.object({ q: z.string().trim().max(100) })

/**
 * 824 実効性テスト結果: the tests of the participant's dispatch-order resources (the operator:
 * everyone's), each with its six slot values and the computed achievement rate.
 */
export function EffectivenessTestsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(effectivenessTestSortFields)
  const q = readText(state.params, 'q') ?? ''
  const list = useQuery(
    expectedCapacityQueries.tests({
      q: q || undefined,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor((row) => row.resource.code, {
        id: 'resourceCode',
        header: t('effectivenessTests.fields.resourceCode'),
        meta: { width: 120, nowrap: true, mono: true },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('effectivenessTests.fields.participant'),
              meta: { width: 90, nowrap: true, mono: true },
            }),
          ]
        : []),
      column.accessor((row) => row.resource.name, {
        id: 'resourceName',
        header: t('effectivenessTests.fields.resourceName'),
      }),
      column.accessor('testDate', {
        header: t('effectivenessTests.fields.testDate'),
        cell: (info) => formatDate(info.getValue()),
        meta: { width: 110, nowrap: true },
      }),
      column.accessor('instructedKw', {
        header: t('effectivenessTests.fields.instructedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 120, numeric: true },
      }),
      column.display({
        id: 'deliveredKw',
        header: t('effectivenessTests.fields.deliveredKw'),
        cell: (info) => info.row.original.deliveredKw.map((v) => formatNumber(v)).join(' / '),
      }),
      column.accessor('achievementRateText', {
        id: 'achievementRate',
        header: t('effectivenessTests.fields.achievementRate'),
        meta: { width: 100, numeric: true },
      }),
    ],
    [t, isOperator],
  )
  return (
    <Page
      functionCode="824"
      title={t('functions.effectivenessTests')}
      description={t('effectivenessTests.description')}
      actions={
        !isOperator && canEditGroup(session, '070') ? (
          <Button component={Link} to="/effectiveness-tests/new" data-testid="et-register">
            {t('effectivenessTests.register')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <ListScreen
          state={state}
          result={list}
          title={t('effectivenessTests.list.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          emptyMessage={t('effectivenessTests.list.empty')}
          csv={{
            path: EFFECTIVENESS_TESTS_PATH,
            query: { q: q || undefined },
            fileName: exportFileName('effectiveness-tests'),
          }}
          testId="et-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={{ q }}
              onApply={(values) => state.update({ q: values.q })}
              onClear={() => state.clear(['q'])}
              testId="et-filters"
            >
              {(form) => (
                <KeywordFilter
                  label={t('effectivenessTests.list.search')}
                  registration={form.register('q')}
                  error={form.formState.errors.q}
                />
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
