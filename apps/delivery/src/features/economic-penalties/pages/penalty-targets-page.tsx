import { Anchor, Badge, Group, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  assessmentRequirements,
  monthSchema,
  penaltyTargetSortFields,
  type PenaltyTarget,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  FilterBar,
  ListScreen,
  Page,
  ParticipantFilter,
  createColumnHelper,
  exportFileName,
  readChoice,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { PENALTY_TARGETS_PATH, economicPenaltyQueries } from '../api.ts'
import { NumberCell } from '../format.tsx'

const column = createColumnHelper<PenaltyTarget>()
const FILTER_KEYS = ['month', 'resourceCode', 'requirement', 'participantId']
const filterSchema = z.object({
  month: z.union([z.literal(''), monthSchema]),
  resourceCode: z.string().trim().max(50),
  requirement: z.union([z.literal(''), z.enum(assessmentRequirements)]),
  participantId: z.string(),
})

/**
 * D00 ペナルティ対象 (`/penalty-targets`): the penalty lines of a month's current assessment
 * results, one row per resource and requirement — the slots (orders), the shortfall kW and the
 * amount before the caps. `?month=YYYY-MM&resourceCode=CODE` (E10/F00 link here); a row opens
 * the resource-month with its evidence (`/penalty-targets/<assessment result ID>`).
 */
export function PenaltyTargetsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(penaltyTargetSortFields)
  const monthParam = readText(state.params, 'month', 7)
  const filterParams = {
    month: monthParam && monthSchema.safeParse(monthParam).success ? monthParam : undefined,
    resourceCode: readText(state.params, 'resourceCode', 50),
    requirement: readChoice(state.params, 'requirement', assessmentRequirements),
    participantId: isOperator ? readText(state.params, 'participantId', 36) : undefined,
  }
  const filters = {
    month: filterParams.month ?? '',
    resourceCode: filterParams.resourceCode ?? '',
    requirement: filterParams.requirement ?? '',
    participantId: filterParams.participantId ?? '',
  }
  const list = useQuery(
    economicPenaltyQueries.targets({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('month', {
        header: t('economicPenalties.fields.month'),
        cell: (info) => (
          <Text span fz="sm" className="yoryo-figures">
            {info.getValue().replace('-', '/')}
          </Text>
        ),
        meta: { width: 80 },
      }),
      column.accessor('resourceCode', {
        header: t('economicPenalties.fields.resource'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/penalty-targets/${info.row.original.resultId}`}
            fz="sm"
            tabIndex={-1}
            title={info.row.original.resourceName}
          >
            <span className="yoryo-code">{info.getValue()}</span> {info.row.original.resourceName}
          </Anchor>
        ),
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('economicPenalties.fields.participant'),
              cell: (info) => (
                <span className="yoryo-code" title={info.row.original.participantName}>
                  {info.getValue()}
                </span>
              ),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('kind', {
        header: t('economicPenalties.fields.kind'),
        cell: (info) => t(`resources.kind.${info.getValue()}`),
        meta: { widthClass: 'label' },
      }),
      column.accessor('requirement', {
        header: t('economicPenalties.fields.requirement'),
        cell: (info) => (
          <Group gap={6} wrap="nowrap">
            <span>{t(`economicPenalties.requirement.${info.getValue()}`)}</span>
          </Group>
        ),
        meta: { widthClass: 'label' },
      }),
      column.accessor('count', {
        header: t('economicPenalties.fields.count'),
        cell: (info) => <NumberCell value={info.getValue()} />,
        meta: { width: 72, numeric: true },
      }),
      column.accessor('shortfallKw', {
        header: t('economicPenalties.fields.shortfallKw'),
        cell: (info) => <NumberCell value={info.getValue()} />,
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('amount', {
        header: t('economicPenalties.fields.amount'),
        cell: (info) => (
          <Group gap={6} justify="flex-end" wrap="nowrap">
            {info.row.original.waived ? (
              <Badge size="xs" color="orange" variant="light" radius="sm">
                {t('economicPenalties.targets.waived')}
              </Badge>
            ) : null}
            <NumberCell value={info.getValue()} testId="target-amount" />
          </Group>
        ),
        meta: { width: 190, numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="D00"
      title={t('functions.penaltyTargets')}
      description={t('economicPenalties.targets.description')}
    >
      <Stack gap="md">
        <ListScreen
          state={state}
          result={list}
          title={t('economicPenalties.targets.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(`/penalty-targets/${row.resultId}`)}
          emptyMessage={t('economicPenalties.targets.empty')}
          csv={{
            path: PENALTY_TARGETS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('penalty-targets'),
          }}
          testId="penalty-target-list"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  month: values.month,
                  resourceCode: values.resourceCode,
                  requirement: values.requirement,
                  participantId: values.participantId,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="penalty-target-filters"
            >
              {(form) => (
                <>
                  <TextInput
                    label={t('economicPenalties.fields.month')}
                    placeholder={t('economicPenalties.targets.monthHint')}
                    title="YYYY-MM"
                    w={150}
                    maxLength={7}
                    {...form.register('month')}
                    error={
                      form.formState.errors.month
                        ? t('economicPenalties.targets.monthInvalid')
                        : undefined
                    }
                  />
                  <TextInput
                    label={t('economicPenalties.fields.resourceCode')}
                    w={180}
                    maxLength={50}
                    {...form.register('resourceCode')}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="requirement"
                    label={t('economicPenalties.fields.requirement')}
                    w={170}
                    options={assessmentRequirements.map((r) => ({
                      value: r,
                      label: t(`economicPenalties.requirement.${r}`),
                    }))}
                  />
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('economicPenalties.fields.participant')}
                      w={240}
                    />
                  ) : null}
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
