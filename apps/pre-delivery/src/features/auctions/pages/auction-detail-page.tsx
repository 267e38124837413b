import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Auction, AuctionParameters } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  Page,
  ValueRow,
  formatDateTime,
  formatNumber,
  useSession,
  useTranslation,
  useUnsavedChangesGuard,
} from '@yoryo/ui'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { auctionQueries, useSaveParameters, useSaveWindows, useTransitionAuction } from '../api.ts'
import { AuctionStateBadge, WindowText } from '../components/auction-bits.tsx'
import { ParametersEditor } from '../components/parameters-editor.tsx'
import {
  WindowsFields,
  windowInputsOf,
  windowsOfInputs,
  type WindowInputs,
} from '../components/windows-fields.tsx'

/**
 * 120 オークション詳細 (`/auctions/:id`): overview and state transitions, the parameters (edited
 * by the operator until bidding opens, each save a new version), the windows and the history of
 * parameter versions.
 */
export function AuctionDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const detail = useQuery(auctionQueries.detail(id))
  const auction = detail.data
  return (
    <Page
      functionCode="120"
      title={auction ? auction.code : t('functions.auctions')}
      description={t('auctions.description')}
    >
      <Stack gap="md">
        <Anchor component={Link} to="/auctions" fz="sm">
          {t('auctions.list.tableLabel')}
        </Anchor>
        {detail.error ? <ApiErrorAlert error={detail.error} /> : null}
        {auction ? <Detail auction={auction} /> : detail.isPending ? <Skeleton h={480} /> : null}
      </Stack>
    </Page>
  )
}

function Detail({ auction }: { auction: Auction }) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<string | null>('overview')
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="overview" data-testid="tab-overview">
          {t('auctions.tabs.overview')}
        </Tabs.Tab>
        <Tabs.Tab value="parameters" data-testid="tab-parameters">
          {t('auctions.tabs.parameters')}
        </Tabs.Tab>
        <Tabs.Tab value="windows" data-testid="tab-windows">
          {t('auctions.tabs.windows')}
        </Tabs.Tab>
        <Tabs.Tab value="versions" data-testid="tab-versions">
          {t('auctions.tabs.versions')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview" pt="md">
        <Overview auction={auction} />
      </Tabs.Panel>
      <Tabs.Panel value="parameters" pt="md">
        <ParametersTab auction={auction} />
      </Tabs.Panel>
      <Tabs.Panel value="windows" pt="md">
        <WindowsTab auction={auction} />
      </Tabs.Panel>
      <Tabs.Panel value="versions" pt="md">
        <VersionsTab auction={auction} />
      </Tabs.Panel>
    </Tabs>
  )
}

function Overview({ auction }: { auction: Auction }) {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const transition = useTransitionAuction(auction.id)
  const [confirming, setConfirming] = useState<'open' | 'biddingClosed' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const run = async () => {
    if (!confirming) return
    try {
      const next = await transition.mutateAsync({ to: confirming, version: auction.version })
      setDone(t('auctions.overview.done', { state: t(`auctions.state.${next.state}`) }))
      setConfirming(null)
    } catch {
      // shown in the dialog
    }
  }
  return (
    <Stack gap="md">
      {done ? (
        <Alert color="green" data-testid="auction-done">
          {done}
        </Alert>
      ) : null}
      <Paper withBorder p="md" className="yoryo-panel">
        <dl className="yoryo-dl-table" data-testid="auction-overview">
          <ValueRow label={t('auctions.fields.code')} value={auction.code} />
          <ValueRow label={t('auctions.fields.type')} value={t(`auctions.type.${auction.type}`)} />
          <ValueRow
            label={t('auctions.fields.subtype')}
            value={t(`auctions.subtype.${auction.subtype}`)}
          />
          <ValueRow
            label={t('auctions.fields.deliveryYear')}
            value={t('auctions.fiscalYear', { year: auction.deliveryYear })}
          />
          <ValueRow
            label={t('auctions.fields.state')}
            value={<AuctionStateBadge state={auction.state} />}
          />
          <ValueRow
            label={t('auctions.fields.expectedCapacityWindow')}
            value={<WindowText window={auction.windows?.expectedCapacity} />}
          />
          <ValueRow
            label={t('auctions.fields.biddingWindow')}
            value={<WindowText window={auction.windows?.bidding} />}
          />
          <ValueRow
            label={t('auctions.fields.parametersVersion')}
            value={t('auctions.versions.version', { versionNo: auction.parametersVersion })}
          />
          <ValueRow label={t('auctions.fields.note')} value={auction.note} />
          <ValueRow
            label={t('auctions.fields.updatedAt')}
            value={formatDateTime(auction.updatedAt)}
          />
        </dl>
      </Paper>
      {isOperator ? (
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="sm">
            <Text fw={700}>{t('auctions.overview.transitions')}</Text>
            <Text fz="sm" c="dimmed">
              {auction.editable ? t('auctions.overview.editable') : t('auctions.overview.locked')}
            </Text>
            {auction.state === 'draft' && auction.parameterIssues.length > 0 ? (
              <Alert color="red" data-testid="parameter-issues">
                <Text fz="sm">{t('auctions.overview.issues')}</Text>
                <List size="sm">
                  {auction.parameterIssues.map((issue, i) => (
                    <List.Item key={i}>
                      {t('common.titleWith', { title: issue.message, code: issue.messageId })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <Group gap="sm">
              {auction.state === 'draft' ? (
                <Button onClick={() => setConfirming('open')} data-testid="auction-open">
                  {t('auctions.overview.open')}
                </Button>
              ) : null}
              {auction.state === 'open' ? (
                <Button
                  color="orange"
                  onClick={() => setConfirming('biddingClosed')}
                  data-testid="auction-close"
                >
                  {t('auctions.overview.close')}
                </Button>
              ) : null}
              <Button component={Link} to={`/qualifications/${auction.id}`} variant="default">
                {t('auctions.overview.toQualifications')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <ConfirmDialog
        opened={confirming !== null}
        title={
          confirming === 'open'
            ? t('auctions.overview.openTitle')
            : t('auctions.overview.closeTitle')
        }
        message={
          confirming === 'open'
            ? t('auctions.overview.openMessage', {
                code: auction.code,
                opensAt: formatDateTime(auction.windows?.bidding.opensAt),
              })
            : t('auctions.overview.closeMessage', { code: auction.code })
        }
        confirmLabel={
          confirming === 'open' ? t('auctions.overview.open') : t('auctions.overview.close')
        }
        danger={confirming === 'biddingClosed'}
        loading={transition.isPending}
        error={transition.error}
        onConfirm={() => void run()}
        onClose={() => {
          transition.reset()
          setConfirming(null)
        }}
      />
    </Stack>
  )
}

function ParametersTab({ auction }: { auction: Auction }) {
  const { t } = useTranslation()
  const session = useSession()
  const editable = session.user.role === 'operator' && auction.editable
  const save = useSaveParameters(auction.id)
  const [draft, setDraft] = useState<AuctionParameters | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const guard = useUnsavedChangesGuard(draft !== null)
  const submit = async () => {
    if (!draft) return
    try {
      const next = await save.mutateAsync({ parameters: draft, version: auction.version })
      setDraft(null)
      setSaved(next.parametersVersion)
    } catch {
      // shown below
    }
  }
  return (
    <Stack gap="md">
      {guard}
      {saved !== null && draft === null ? (
        <Alert color="green" data-testid="parameters-saved">
          {t('auctions.parameters.saved', { versionNo: saved })}
        </Alert>
      ) : null}
      {save.error ? <ApiErrorAlert error={save.error} /> : null}
      <ParametersEditor
        value={draft ?? auction.parameters}
        onChange={editable ? setDraft : undefined}
      />
      {editable ? (
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!draft} onClick={() => setDraft(null)}>
            {t('auctions.parameters.reset')}
          </Button>
          <Button
            disabled={!draft}
            loading={save.isPending}
            onClick={() => void submit()}
            data-testid="parameters-save"
          >
            {t('auctions.parameters.save')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function WindowsTab({ auction }: { auction: Auction }) {
  const { t } = useTranslation()
  const session = useSession()
  const editable = session.user.role === 'operator' && auction.editable
  const save = useSaveWindows(auction.id)
  const [inputs, setInputs] = useState<WindowInputs | null>(null)
  const [saved, setSaved] = useState(false)
  const guard = useUnsavedChangesGuard(inputs !== null)
  if (!auction.windows) return null
  const value = inputs ?? windowInputsOf(auction.windows)
  const windows = windowsOfInputs(value)
  const submit = async () => {
    if (!windows) return
    try {
      await save.mutateAsync({ windows, version: auction.version })
      setInputs(null)
      setSaved(true)
    } catch {
      // shown below
    }
  }
  if (!editable) {
    return (
      <Paper withBorder p="md" className="yoryo-panel">
        <dl className="yoryo-dl-table">
          <ValueRow
            label={t('auctions.fields.expectedCapacityWindow')}
            value={<WindowText window={auction.windows.expectedCapacity} />}
          />
          <ValueRow
            label={t('auctions.fields.biddingWindow')}
            value={<WindowText window={auction.windows.bidding} />}
          />
        </dl>
      </Paper>
    )
  }
  return (
    <Paper withBorder p="md" className="yoryo-panel">
      {guard}
      <Stack gap="md">
        {saved && inputs === null ? (
          <Alert color="green">{t('auctions.windows.saved')}</Alert>
        ) : null}
        {save.error ? <ApiErrorAlert error={save.error} /> : null}
        <WindowsFields value={value} onChange={setInputs} />
        <Group justify="flex-end">
          <Button
            disabled={!inputs || !windows}
            loading={save.isPending}
            onClick={() => void submit()}
            data-testid="windows-save"
          >
            {t('auctions.windows.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function VersionsTab({ auction }: { auction: Auction }) {
  const { t } = useTranslation()
  return (
    <div className="yoryo-table-scroll">
      <Table withTableBorder striped fz="sm" data-testid="parameter-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auctions.versions.versionNo')}</Table.Th>
            <Table.Th>{t('auctions.versions.createdAt')}</Table.Th>
            <Table.Th>{t('auctions.versions.createdByName')}</Table.Th>
            <Table.Th>{t('auctions.parameters.demandCurve')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {auction.parameterVersions.map((v) => (
            <Table.Tr key={v.versionNo}>
              <Table.Td>
                {v.versionNo === auction.parametersVersion
                  ? t('common.titleWith', {
                      title: t('auctions.versions.version', { versionNo: v.versionNo }),
                      code: t('auctions.versions.current'),
                    })
                  : t('auctions.versions.version', { versionNo: v.versionNo })}
              </Table.Td>
              <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
              <Table.Td>{v.createdByName}</Table.Td>
              <Table.Td>
                {t('auctions.versions.summary', {
                  target: formatNumber(v.parameters.demandCurve.targetQuantity),
                  netCone: formatNumber(v.parameters.demandCurve.netCone),
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  )
}
