import { Anchor, Badge, Button, Group, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  penaltyFactorSortFields,
  penaltyFactorTypes,
  type PenaltyFactor,
  type PenaltyFactorType,
} from '@yoryo/contracts'
import {
  canEditGroup,
  ChoiceFilter,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDate,
  formatNumber,
  KeywordFilter,
  ListScreen,
  Page,
  readChoice,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { z } from 'zod'
import { PENALTY_FACTORS_PATH, penaltyQueries } from '../api.ts'

const column = createColumnHelper<PenaltyFactor>()
const filterSchema = z.object({
  q: z.string().trim().max(100),
  factorType: z.enum(['', ...penaltyFactorTypes]),
})

/**
 * 190 ペナルティ要素一覧: the participant's own penalty factors (the operator: everyone's), each with
 * its amount (struck through once refunded); the operator registers factors and opens the
 * parameters, the participant applies to exit.
 */
export function PenaltyFactorsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(penaltyFactorSortFields)
  const q = readText(state.params, 'q') ?? ''
  const factorType = readChoice<PenaltyFactorType>(state.params, 'factorType', penaltyFactorTypes)
  const list = useQuery(
    penaltyQueries.list({
      q: q || undefined,
      factorType,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('factorNo', {
        header: t('penaltyFactors.fields.factorNo'),
        cell: (info) => (
          <Anchor component={Link} to={`/penalty-factors/${info.row.original.id}`} fz="sm">
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'id', mono: true },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('penaltyFactors.fields.participant'),
              meta: { widthClass: 'code', mono: true },
            }),
          ]
        : []),
      column.accessor((row) => `${row.resource.code} ${row.resource.name}`, {
        id: 'resourceCode',
        header: t('penaltyFactors.fields.resource'),
        meta: { widthClass: 'name' },
      }),
      column.accessor('deliveryYear', {
        header: t('penaltyFactors.fields.deliveryYear'),
        meta: { widthClass: 'short' },
      }),
      column.accessor('factorType', {
        header: t('penaltyFactors.fields.factorType'),
        cell: (info) => t(`penaltyFactors.factorType.${info.getValue()}`),
        meta: { widthClass: 'label' },
      }),
      column.accessor('kw', {
        header: t('penaltyFactors.fields.kw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('occurredOn', {
        header: t('penaltyFactors.fields.occurredOn'),
        cell: (info) => formatDate(info.getValue()),
        meta: { widthClass: 'datetime' },
      }),
      column.accessor('amount', {
        header: t('penaltyFactors.fields.amount'),
        cell: (info) =>
          info.row.original.refundedAt ? (
            <Group gap={4} justify="flex-end" wrap="nowrap">
              <s>{formatNumber(info.getValue())}</s>
              <Badge size="xs" variant="light" color="gray">
                {t('penaltyFactors.list.refunded')}
              </Badge>
            </Group>
          ) : (
            formatNumber(info.getValue())
          ),
        meta: { widthClass: 'datetime', numeric: true },
      }),
    ],
    [t, isOperator],
  )
  return (
    <Page
      functionCode="190"
      title={t('functions.penaltyFactors')}
      description={t(
        isOperator ? 'penaltyFactors.operatorDescription' : 'penaltyFactors.description',
      )}
      actions={
        isOperator ? (
          <Group gap="xs">
            <Button
              variant="default"
              component={Link}
              to="/penalty-factors/parameters"
              data-testid="pen-parameters"
            >
              {t('penaltyFactors.parametersButton')}
            </Button>
            <Button component={Link} to="/penalty-factors/new" data-testid="pen-register">
              {t('penaltyFactors.register')}
            </Button>
          </Group>
        ) : canEditGroup(session, '190') ? (
          <Button component={Link} to="/penalty-factors/exit" data-testid="pen-exit">
            {t('penaltyFactors.exit')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <ListScreen
          state={state}
          result={list}
          title={t('penaltyFactors.list.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          emptyMessage={t('penaltyFactors.list.empty')}
          csv={{
            path: PENALTY_FACTORS_PATH,
            query: { q: q || undefined, factorType },
            fileName: exportFileName('penalty-factors'),
          }}
          testId="pen-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={{ q, factorType: factorType ?? '' }}
              onApply={(values) => state.update({ q: values.q, factorType: values.factorType })}
              onClear={() => state.clear(['q', 'factorType'])}
              testId="pen-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    label={t('penaltyFactors.list.search')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="factorType"
                    label={t('penaltyFactors.fields.factorType')}
                    w={200}
                    options={penaltyFactorTypes.map((value) => ({
                      value,
                      label: t(`penaltyFactors.factorType.${value}`),
                    }))}
                  />
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
