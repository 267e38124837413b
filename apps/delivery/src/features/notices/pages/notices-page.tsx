import { Anchor, Button, Checkbox, Group, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  noticeCategories,
  noticeSortFields,
  noticeStates,
  type NoticeSummary,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  FilterBar,
  KeywordFilter,
  ListScreen,
  NOTICES_PATH,
  NoticeCategoryBadge,
  NoticeStateBadge,
  Page,
  UnreadDot,
  createColumnHelper,
  exportFileName,
  formatDate,
  formatDateTime,
  noticeQueries,
  readChoice,
  readText,
  useListState,
  useSession,
  useTranslation,
  type NoticeListParams,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Controller } from 'react-hook-form'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'

const column = createColumnHelper<NoticeSummary>()
const FILTER_KEYS = ['q', 'category', 'state', 'unread']
const filterSchema = z.object({
  q: z.string().trim().max(100),
  category: z.string(),
  state: z.string(),
  unread: z.boolean(),
})

/**
 * A30 おしらせ一覧 (`/notices`): participants and TSOs see the published notices addressed to
 * them, unread ones in bold with a dot; the operator sees every notice with its state, audience
 * and read count, and posts new ones from here.
 */
export function NoticesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(noticeSortFields)
  const filters = {
    q: readText(state.params, 'q') ?? '',
    category: readChoice(state.params, 'category', noticeCategories) ?? '',
    state: isOperator ? (readChoice(state.params, 'state', noticeStates) ?? '') : '',
    unread: !isOperator && state.params.get('unread') === 'true',
  }
  const filterParams: Omit<NoticeListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    category: filters.category || undefined,
    state: filters.state || undefined,
    unread: filters.unread ? 'true' : undefined,
  }
  const list = useQuery(
    noticeQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('publishAt', {
        header: t('notices.fields.publishDate'),
        cell: (info) => (
          <span title={formatDateTime(info.getValue())}>{formatDate(info.getValue())}</span>
        ),
        meta: { widthClass: 'date', tabular: true },
      }),
      column.accessor('category', {
        header: t('notices.fields.category'),
        cell: (info) => <NoticeCategoryBadge category={info.getValue()} />,
        meta: { widthClass: 'short' },
      }),
      column.accessor('title', {
        header: t('notices.fields.title'),
        cell: (info) => {
          const unread = info.row.original.read === false
          return (
            <Anchor
              component={Link}
              to={`/notices/${info.row.original.id}`}
              fz="sm"
              className={unread ? 'yoryo-unread' : undefined}
              data-unread={unread || undefined}
              tabIndex={-1}
            >
              {unread ? <UnreadDot /> : null}
              {info.getValue()}
            </Anchor>
          )
        },
        meta: { widthClass: 'text' },
      }),
      ...(isOperator
        ? [
            column.accessor('audience', {
              header: t('notices.fields.audience'),
              cell: (info) =>
                info.getValue() === 'participants'
                  ? t('notices.list.recipients', { count: info.row.original.recipientCount ?? 0 })
                  : t('notices.audience.all'),
              meta: { widthClass: 'short' },
            }),
            column.display({
              id: 'state',
              header: t('notices.fields.state'),
              cell: (info) => <NoticeStateBadge state={info.row.original.state} />,
              meta: { widthClass: 'status' },
            }),
            column.display({
              id: 'readCount',
              header: t('notices.fields.readCount'),
              cell: (info) => (
                <Text fz="sm" ta="right" className="yoryo-numeric">
                  {t('notices.list.readCount', { count: info.row.original.readCount ?? 0 })}
                </Text>
              ),
              meta: { widthClass: 'short' },
            }),
            column.accessor('noticeNo', {
              header: t('notices.fields.noticeNo'),
              cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
              meta: { widthClass: 'id' },
            }),
          ]
        : []),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="A30"
      title={t('functions.notices')}
      description={isOperator ? t('notices.descriptionOperator') : t('notices.description')}
      actions={
        isOperator ? (
          <Button component={Link} to="/notices/new" data-testid="notice-new">
            {t('notices.create')}
          </Button>
        ) : null
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('notices.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/notices/${row.id}`)}
        emptyMessage={t('notices.list.empty')}
        csv={{
          path: NOTICES_PATH,
          query: { ...filterParams },
          fileName: exportFileName('notices'),
        }}
        testId="notice-list"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({
                q: values.q,
                category: values.category,
                state: values.state,
                unread: values.unread ? 'true' : '',
              })
            }
            onClear={() => state.clear(FILTER_KEYS)}
            testId="notice-filters"
          >
            {(form) => (
              <>
                <KeywordFilter
                  registration={form.register('q')}
                  error={form.formState.errors.q}
                  label={t('notices.list.search')}
                />
                <ChoiceFilter
                  control={form.control}
                  name="category"
                  label={t('notices.list.category')}
                  options={noticeCategories.map((c) => ({
                    value: c,
                    label: t(`notices.category.${c}`),
                  }))}
                />
                {isOperator ? (
                  <ChoiceFilter
                    control={form.control}
                    name="state"
                    label={t('notices.list.state')}
                    options={noticeStates.map((s) => ({
                      value: s,
                      label: t(`notices.state.${s}`),
                    }))}
                  />
                ) : (
                  <Group align="flex-end" h={60}>
                    <Controller
                      control={form.control}
                      name="unread"
                      render={({ field }) => (
                        <Checkbox
                          label={t('notices.list.unreadOnly')}
                          checked={field.value}
                          onChange={(e) => field.onChange(e.currentTarget.checked)}
                          mb={8}
                          data-testid="notice-unread-only"
                        />
                      )}
                    />
                  </Group>
                )}
              </>
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
