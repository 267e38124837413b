import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import {
  qualificationSortFields,
  qualificationStates,
  type Auction,
  type Qualification,
  type QualificationNotice,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  FilterBar,
  ListScreen,
  Page,
  SearchIcon,
  createColumnHelper,
  downloadFile,
  exportFileName,
  formatDate,
  formatNumber,
  readText,
  useDialogCloseGuard,
  useFieldErrorText,
  useListState,
  useMessageFormatter,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { z } from 'zod'
import {
  auctionQueries,
  qualificationsPath,
  useConfirmQualifications,
  useDecideQualification,
  useIssueNotices,
  useProposeQualifications,
  type QualificationListParams,
} from '../api.ts'
import { AuctionStateBadge, documentPdfPath } from '../components/auction-bits.tsx'

const column = createColumnHelper<Qualification>()
const FILTER_KEYS = ['q', 'state', 'proposed']
const filterSchema = z.object({
  q: z.string().trim().max(100),
  state: z.string(),
  proposed: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

const STATE_COLORS = { pending: 'blue', qualified: 'green', excluded: 'gray' } as const

/**
 * 100 参加資格 (`/qualifications/:auctionId`): the operator proposes from the approved expected
 * capacities, confirms or excludes with a reason and issues the notices; a participant sees its
 * resources' qualification and downloads its notice.
 */
export function QualificationPage() {
  const { t } = useTranslation()
  const { auctionId = '' } = useParams()
  const auction = useQuery(auctionQueries.detail(auctionId))
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  return (
    <Page
      functionCode="100"
      title={
        auction.data
          ? t('common.titleWith', { title: t('functions.qualifications'), code: auction.data.code })
          : t('functions.qualifications')
      }
      description={
        isOperator ? t('qualifications.description') : t('qualifications.participantDescription')
      }
    >
      <Stack gap="md">
        <Anchor component={Link} to="/qualifications" fz="sm">
          {t('auctions.list.tableLabel')}
        </Anchor>
        {auction.error ? <ApiErrorAlert error={auction.error} /> : null}
        {auction.data ? (
          <Qualifications auction={auction.data} isOperator={isOperator} />
        ) : auction.isPending ? (
          <Skeleton h={320} />
        ) : null}
      </Stack>
    </Page>
  )
}

type Confirming = 'confirmAll' | 'issue' | null

function Qualifications({ auction, isOperator }: { auction: Auction; isOperator: boolean }) {
  const { t } = useTranslation()
  const format = useMessageFormatter()
  const fieldErrorText = useFieldErrorText()
  const state = useListState(qualificationSortFields)
  const stateParam = state.params.get('state') ?? ''
  const proposedParam = state.params.get('proposed') ?? ''
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    state: (qualificationStates as readonly string[]).includes(stateParam) ? stateParam : '',
    proposed: ['true', 'false'].includes(proposedParam) ? proposedParam : '',
  }
  const filterParams: Omit<QualificationListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    state: filters.state || undefined,
    proposed: filters.proposed || undefined,
  }
  const list = useQuery(
    auctionQueries.qualifications(auction.id, {
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const propose = useProposeQualifications(auction.id)
  const confirmAll = useConfirmQualifications(auction.id)
  const issue = useIssueNotices(auction.id)
  const decide = useDecideQualification(auction.id)
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [excluding, setExcluding] = useState<Qualification | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const mayChange = isOperator && (auction.state === 'draft' || auction.state === 'open')

  const runPropose = async () => {
    setDone(null)
    try {
      const r = await propose.mutateAsync()
      setDone(t('qualifications.proposed', r))
    } catch {
      // shown below
    }
  }
  const runConfirmed = async () => {
    try {
      if (confirming === 'confirmAll') {
        const r = await confirmAll.mutateAsync()
        setDone(t('qualifications.confirmed', r))
      } else if (confirming === 'issue') {
        const r = await issue.mutateAsync()
        setDone(t('qualifications.issued', { count: r.items.length }))
      }
      setConfirming(null)
    } catch {
      // shown in the dialog
    }
  }

  const columns = useMemo(
    () => [
      column.accessor((row) => row.resource.code, {
        id: 'resourceCode',
        header: t('qualifications.fields.resourceCode'),
        meta: { widthClass: 'code', mono: true },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('qualifications.fields.participant'),
              meta: { widthClass: 'id', mono: true },
            }),
          ]
        : []),
      column.accessor((row) => row.resource.name, {
        id: 'resourceName',
        header: t('qualifications.fields.resourceName'),
        meta: { widthClass: 'name' },
      }),
      column.accessor((row) => t(`resources.area.${row.resource.area}`), {
        id: 'area',
        header: t('qualifications.fields.area'),
        meta: { widthClass: 'short' },
      }),
      column.accessor('expectedKw', {
        header: t('qualifications.fields.expectedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('state', {
        header: t('qualifications.fields.state'),
        // A resource not proposed stays pending until re-proposed: shown as not proposed.
        cell: (info) =>
          !info.row.original.proposed && info.getValue() === 'pending' ? (
            <Badge size="sm" radius="sm" variant="light" color="gray">
              {t('qualifications.list.no')}
            </Badge>
          ) : (
            <Badge size="sm" radius="sm" variant="light" color={STATE_COLORS[info.getValue()]}>
              {t(`qualifications.state.${info.getValue()}`)}
            </Badge>
          ),
        meta: { widthClass: 'label' },
      }),
      // Proposed or not, and why not (or why excluded): sorted by whether it was proposed.
      column.accessor('proposed', {
        header: t('qualifications.fields.reason'),
        cell: (info) => {
          const q = info.row.original
          return q.excludedReason
            ? q.excludedReason
            : q.notProposedMessageId
              ? format({ id: q.notProposedMessageId })
              : t('qualifications.list.yes')
        },
        meta: { widthClass: 'text' },
      }),
      ...(mayChange
        ? [
            column.display({
              id: 'actions',
              header: t('qualifications.fields.actions'),
              cell: (info) => {
                const q = info.row.original
                return (
                  <Group gap={4} wrap="nowrap">
                    {q.proposed && q.state !== 'qualified' ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() =>
                          void decide
                            .mutateAsync({ qualification: q, state: 'qualified' })
                            .catch(() => undefined)
                        }
                        data-testid={`qualify-${q.resource.code}`}
                      >
                        {t('qualifications.qualify')}
                      </Button>
                    ) : null}
                    {q.state !== 'excluded' ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="gray"
                        onClick={() => setExcluding(q)}
                        data-testid={`exclude-${q.resource.code}`}
                      >
                        {t('qualifications.exclude')}
                      </Button>
                    ) : null}
                  </Group>
                )
              },
              meta: { widthClass: 'actions' },
            }),
          ]
        : []),
    ],
    [t, isOperator, mayChange, format, decide],
  )

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text fw={700}>{auction.code}</Text>
        <AuctionStateBadge state={auction.state} />
        <Text fz="sm">
          {t(`auctions.type.${auction.type}`)}・
          {t('auctions.fiscalYear', { year: auction.deliveryYear })}
        </Text>
      </Group>
      {isOperator ? (
        <Group gap="sm">
          <Button
            onClick={() => void runPropose()}
            loading={propose.isPending}
            disabled={!mayChange}
            data-testid="qualifications-propose"
          >
            {t('qualifications.propose')}
          </Button>
          <Button
            variant="default"
            disabled={!mayChange}
            onClick={() => setConfirming('confirmAll')}
            data-testid="qualifications-confirm-all"
          >
            {t('qualifications.confirmAll')}
          </Button>
          <Button
            variant="default"
            onClick={() => setConfirming('issue')}
            data-testid="qualifications-issue"
          >
            {t('qualifications.issueNotices')}
          </Button>
        </Group>
      ) : null}
      {done ? (
        <Alert color="green" data-testid="qualifications-done">
          {done}
        </Alert>
      ) : null}
      {propose.error ? <ApiErrorAlert error={propose.error} /> : null}
      {decide.error ? <ApiErrorAlert error={decide.error} /> : null}
      <ListScreen
        state={state}
        result={list}
        title={t('qualifications.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        emptyMessage={
          isOperator ? t('qualifications.list.emptyOperator') : t('qualifications.list.empty')
        }
        csv={{
          path: qualificationsPath(auction.id),
          query: { ...filterParams },
          fileName: exportFileName('qualifications'),
        }}
        testId="qualification-list"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({ q: values.q, state: values.state, proposed: values.proposed })
            }
            onClear={() => state.clear(FILTER_KEYS)}
            testId="qualification-filters"
          >
            {(form) => (
              <>
                <TextInput
                  label={t('qualifications.list.search')}
                  w={220}
                  maxLength={100}
                  type="search"
                  leftSection={<SearchIcon size={14} />}
                  {...form.register('q')}
                  error={fieldErrorText(form.formState.errors.q)}
                />
                <NativeSelect
                  label={t('qualifications.list.state')}
                  w={150}
                  data={[
                    { value: '', label: t('qualifications.list.all') },
                    ...qualificationStates.map((s) => ({
                      value: s,
                      label: t(`qualifications.state.${s}`),
                    })),
                  ]}
                  {...form.register('state')}
                />
                <NativeSelect
                  label={t('qualifications.list.proposed')}
                  w={150}
                  data={[
                    { value: '', label: t('qualifications.list.all') },
                    { value: 'true', label: t('qualifications.list.yes') },
                    { value: 'false', label: t('qualifications.list.no') },
                  ]}
                  {...form.register('proposed')}
                />
              </>
            )}
          </FilterBar>
        }
      />
      <Notices auctionId={auction.id} isOperator={isOperator} />
      <ConfirmDialog
        opened={confirming !== null}
        title={
          confirming === 'issue'
            ? t('qualifications.issueTitle')
            : t('qualifications.confirmAllTitle')
        }
        message={
          confirming === 'issue'
            ? t('qualifications.issueMessage')
            : t('qualifications.confirmAllMessage')
        }
        confirmLabel={
          confirming === 'issue' ? t('qualifications.issueNotices') : t('qualifications.confirmAll')
        }
        danger={false}
        loading={confirmAll.isPending || issue.isPending}
        error={confirming === 'issue' ? issue.error : confirmAll.error}
        onConfirm={() => void runConfirmed()}
        onClose={() => {
          issue.reset()
          confirmAll.reset()
          setConfirming(null)
        }}
      />
      {excluding ? (
        <ExcludeDialog
          qualification={excluding}
          onClose={() => setExcluding(null)}
          onExclude={async (reason) => {
            await decide.mutateAsync({ qualification: excluding, state: 'excluded', reason })
            setExcluding(null)
          }}
        />
      ) : null}
    </Stack>
  )
}

function ExcludeDialog({
  qualification,
  onClose,
  onExclude,
}: {
  qualification: Qualification
  onClose: () => void
  onExclude: (reason: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const run = useMutation({ mutationFn: onExclude })
  const guard = useDialogCloseGuard(reason.trim() !== '', onClose)
  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={<Text fw={700}>{t('qualifications.excludeTitle')}</Text>}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {guard.confirm}
      <Stack gap="md">
        <Text fz="sm">
          {t('qualifications.excludeMessage', {
            code: qualification.resource.code,
            name: qualification.resource.name,
          })}
        </Text>
        <TextInput
          label={t('qualifications.reason')}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="exclude-reason"
          data-autofocus
        />
        {run.error ? <ApiErrorAlert error={run.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={run.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={reason.trim() === ''}
            loading={run.isPending}
            onClick={() => run.mutate(reason.trim())}
            data-testid="exclude-submit"
          >
            {t('qualifications.exclude')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function Notices({ auctionId, isOperator }: { auctionId: string; isOperator: boolean }) {
  const { t } = useTranslation()
  const notices = useQuery(auctionQueries.notices(auctionId))
  const pdf = useMutation({
    mutationFn: (n: QualificationNotice) =>
      downloadFile(documentPdfPath(n.document.id), `${n.document.documentNo}.pdf`),
  })
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="qualification-notices">
      <Stack gap="sm">
        <Text fw={700}>{t('qualifications.notices.title')}</Text>
        {notices.error ? <ApiErrorAlert error={notices.error} /> : null}
        {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
        {notices.data && notices.data.items.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('qualifications.notices.empty')}
          </Text>
        ) : null}
        {notices.data && notices.data.items.length > 0 ? (
          <div className="yoryo-table-scroll">
            <Table withTableBorder striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('qualifications.notices.documentNo')}</Table.Th>
                  {isOperator ? (
                    <Table.Th>{t('qualifications.notices.participant')}</Table.Th>
                  ) : null}
                  <Table.Th>{t('qualifications.notices.issuedOn')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notices.data.items.map((n) => (
                  <Table.Tr key={n.document.id}>
                    <Table.Td className="yoryo-code">{n.document.documentNo}</Table.Td>
                    {isOperator ? (
                      <Table.Td>
                        {n.participant.code} {n.participant.name}
                      </Table.Td>
                    ) : null}
                    <Table.Td>{formatDate(n.document.issuedOn)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => pdf.mutate(n)}
                        data-testid={`notice-pdf-${n.document.documentNo}`}
                      >
                        {t('qualifications.notices.download')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : null}
      </Stack>
    </Paper>
  )
}
