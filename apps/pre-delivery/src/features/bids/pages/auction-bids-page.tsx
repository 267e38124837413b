import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AuctionBidItem, BidReceipt, BiddingAuction } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  BulkUploadPanel,
  DeadlineCountdown,
  Page,
  canEditGroup,
  formatDateTime,
  formatNumber,
  useLanguage,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { bidQueries, invalidateBids, useWithdrawBid } from '../api.ts'
import { BidDialog } from '../components/bid-dialog.tsx'
import { ReceiptDownloads, ReceiptPanel } from '../components/receipt-panel.tsx'
import { WindowBadge } from './bidding-auctions-page.tsx'

const STATE_COLOR = { none: 'gray', bid: 'green', withdrawn: 'orange' } as const

/** The bidding window, where it stands by the server's clock, and the countdown to the close. */
function WindowBanner({ auction }: { auction: BiddingAuction }) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const w = auction.window
  if (!w) return <Alert color="gray">{t('bids.auction.notOpen')}</Alert>
  const title = language === 'en' ? w.titleEn : w.titleJa
  const dates = { opensAt: formatDateTime(w.opensAt), closesAt: formatDateTime(w.closesAt) }
  return (
    <Alert
      color={auction.accepting ? 'blue' : w.state === 'closed' ? 'red' : 'orange'}
      title={title}
      data-testid="bid-window"
      data-state={w.state}
    >
      <Stack gap={4}>
        <Group gap="md" wrap="wrap">
          <Text fz="sm">{t('bids.auction.windowLine', dates)}</Text>
          {w.state !== 'closed' ? (
            <DeadlineCountdown
              closesAt={w.closesAt}
              opensAt={w.state === 'upcoming' ? w.opensAt : undefined}
            />
          ) : null}
          <WindowBadge auction={auction} />
        </Group>
        {w.state === 'closed' ? (
          <Text fz="sm" fw={700}>
            {t('bids.auction.closed', { window: title, ...dates })}
          </Text>
        ) : w.state === 'upcoming' ? (
          <Text fz="sm">{t('bids.auction.upcoming', { window: title, ...dates })}</Text>
        ) : null}
        <Text fz="xs" c="dimmed">
          {t('bids.auction.maxPrice', { value: formatNumber(auction.maxPrice) })}
          {' · '}
          {t('bids.auction.serverTime', { value: formatDateTime(auction.now) })}
        </Text>
      </Stack>
    </Alert>
  )
}

function HistoryDialog({ item, onClose }: { item: AuctionBidItem; onClose: () => void }) {
  const { t } = useTranslation()
  const history = useQuery(bidQueries.history(item.bid?.id ?? ''))
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      centered
      title={<Text fw={700}>{t('bids.history.title', { code: item.resource.code })}</Text>}
      closeButtonProps={{ 'aria-label': t('bids.receipt.close') }}
    >
      {history.error ? <ApiErrorAlert error={history.error} /> : null}
      {history.data ? (
        <Table data-testid="bid-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bids.history.versionNo')}</Table.Th>
              <Table.Th>{t('bids.history.action')}</Table.Th>
              <Table.Th ta="right">{t('bids.fields.kw')}</Table.Th>
              <Table.Th ta="right">{t('bids.fields.price')}</Table.Th>
              <Table.Th>{t('bids.history.acceptedAt')}</Table.Th>
              <Table.Th>{t('bids.history.user')}</Table.Th>
              <Table.Th>{t('bids.history.download')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.versionNo}</Table.Td>
                <Table.Td>{t(`bids.action.${v.action}`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(v.kw)}</Table.Td>
                <Table.Td ta="right">{formatNumber(v.price)}</Table.Td>
                <Table.Td>{formatDateTime(v.acceptedAt)}</Table.Td>
                <Table.Td>{v.userName}</Table.Td>
                <Table.Td>
                  <ReceiptDownloads
                    versionId={v.id}
                    content={{
                      auctionCode: history.data.bid.auctionCode,
                      resourceCode: history.data.bid.resourceCode,
                      version: v.versionNo,
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Skeleton h={120} />
      )}
    </Modal>
  )
}

function WithdrawDialog({
  auctionId,
  item,
  onAccepted,
  onClose,
}: {
  auctionId: string
  item: AuctionBidItem
  onAccepted: (receipt: BidReceipt) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const withdraw = useWithdrawBid(auctionId)
  const confirm = useMutation({
    mutationFn: () =>
      withdraw.mutateAsync({ resourceCode: item.resource.code, version: item.bid?.version ?? 0 }),
    onSuccess: (result) => onAccepted(result.receipt),
  })
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={<Text fw={700}>{t('bids.withdraw.title', { code: item.resource.code })}</Text>}
      closeButtonProps={{ 'aria-label': t('bids.form.cancel') }}
    >
      <Stack gap="sm">
        {confirm.error ? <ApiErrorAlert error={confirm.error} /> : null}
        <Text fz="sm">{t('bids.withdraw.body')}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('bids.form.cancel')}
          </Button>
          <Button color="red" loading={confirm.isPending} onClick={() => confirm.mutate()}>
            {t('bids.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

const BULK_FORMATS = ['850', '860', '870'] as const

/**
 * 110 応札 (`/bids/:auctionId`): the window with its countdown, every qualified resource with its
 * bid, the form to bid / change / withdraw, the receipt after each accepted write, the history,
 * and the bid files 850/860/870.
 */
export function AuctionBidsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const queryClient = useQueryClient()
  const { auctionId = '' } = useParams()
  const auction = useQuery({ ...bidQueries.auction(auctionId), refetchInterval: 30_000 })
  const items = useQuery(bidQueries.items(auctionId, { page: 1, pageSize: 500 }))
  const [editing, setEditing] = useState<AuctionBidItem | null>(null)
  const [withdrawing, setWithdrawing] = useState<AuctionBidItem | null>(null)
  const [history, setHistory] = useState<AuctionBidItem | null>(null)
  const [receipt, setReceipt] = useState<BidReceipt | null>(null)
  const [bulkFormat, setBulkFormat] = useState<string>('870')
  const a = auction.data
  const mayBid = session.user.role !== 'operator' && canEditGroup(session, '110')
  const operator = session.user.role === 'operator'
  return (
    <Page
      functionCode="110"
      title={t('bids.auction.title', { code: a?.code ?? '' })}
      actions={
        <Anchor component={Link} to="/bids" fz="sm">
          {t('bids.auction.back')}
        </Anchor>
      }
    >
      {auction.error ? <ApiErrorAlert error={auction.error} /> : null}
      {!a ? (
        auction.isPending ? (
          <Skeleton h={240} />
        ) : null
      ) : (
        <Stack gap="md">
          <WindowBanner auction={a} />
          {receipt ? <ReceiptPanel receipt={receipt} onClose={() => setReceipt(null)} /> : null}
          <Paper withBorder p="md" className="yoryo-panel">
            <Title order={2} className="yoryo-section-title" mb="sm">
              {t('bids.auction.resources')}
            </Title>
            {items.error ? <ApiErrorAlert error={items.error} /> : null}
            {items.data?.items.length === 0 ? (
              <Text fz="sm">{t('bids.auction.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={960} type="native">
                <Table striped data-testid="bid-items">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('bids.fields.resourceCode')}</Table.Th>
                      <Table.Th>{t('bids.fields.resourceName')}</Table.Th>
                      {operator ? <Table.Th>{t('bids.fields.participant')}</Table.Th> : null}
                      <Table.Th ta="right">{t('bids.fields.expectedKw')}</Table.Th>
                      <Table.Th>{t('bids.fields.state')}</Table.Th>
                      <Table.Th ta="right">{t('bids.fields.kw')}</Table.Th>
                      <Table.Th ta="right">{t('bids.fields.price')}</Table.Th>
                      <Table.Th ta="right">{t('bids.fields.version')}</Table.Th>
                      <Table.Th>{t('bids.fields.submittedAt')}</Table.Th>
                      <Table.Th>{t('bids.fields.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(items.data?.items ?? []).map((item) => {
                      const live = item.state === 'bid' ? item.bid : null
                      return (
                        <Table.Tr key={item.qualificationId} data-resource={item.resource.code}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.resource.code}</Table.Td>
                          <Table.Td>{item.resource.name}</Table.Td>
                          {operator ? <Table.Td>{item.participant.code}</Table.Td> : null}
                          <Table.Td ta="right">{formatNumber(item.expectedKw)}</Table.Td>
                          <Table.Td>
                            <Badge
                              variant="light"
                              radius="sm"
                              miw={64}
                              color={STATE_COLOR[item.state]}
                            >
                              {t(`bids.state.${item.state}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right">{live ? formatNumber(live.kw) : '—'}</Table.Td>
                          <Table.Td ta="right">{live ? formatNumber(live.price) : '—'}</Table.Td>
                          <Table.Td ta="right">{item.bid?.version ?? '—'}</Table.Td>
                          <Table.Td>
                            {item.bid ? formatDateTime(item.bid.submittedAt) : '—'}
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {mayBid ? (
                                <Button
                                  size="compact-sm"
                                  onClick={() => setEditing(item)}
                                  data-testid="bid-edit"
                                >
                                  {t(live ? 'bids.actions.change' : 'bids.actions.register')}
                                </Button>
                              ) : null}
                              {mayBid && live ? (
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  color="red"
                                  onClick={() => setWithdrawing(item)}
                                >
                                  {t('bids.actions.withdraw')}
                                </Button>
                              ) : null}
                              {item.bid ? (
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  onClick={() => setHistory(item)}
                                >
                                  {t('bids.actions.history')}
                                </Button>
                              ) : null}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
          {mayBid ? (
            <Paper withBorder p="md" className="yoryo-panel" data-testid="bid-bulk">
              <Title order={2} className="yoryo-section-title" mb="xs">
                {t('bids.bulk.title')}
              </Title>
              <Text fz="sm" c="dimmed" mb="sm">
                {t('bids.bulk.description')}
              </Text>
              <SegmentedControl
                value={bulkFormat}
                onChange={setBulkFormat}
                data={[...BULK_FORMATS]}
                mb="sm"
                aria-label={t('bids.bulk.title')}
              />
              <BulkUploadPanel
                key={bulkFormat}
                format={bulkFormat}
                onFinished={() => void invalidateBids(queryClient)}
              />
            </Paper>
          ) : null}
        </Stack>
      )}
      {editing && a ? (
        <BidDialog
          auctionId={auctionId}
          item={editing}
          maxPrice={a.maxPrice}
          onClose={() => setEditing(null)}
          onAccepted={(result) => {
            setEditing(null)
            setReceipt(result.receipt)
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog
          auctionId={auctionId}
          item={withdrawing}
          onClose={() => setWithdrawing(null)}
          onAccepted={(r) => {
            setWithdrawing(null)
            setReceipt(r)
          }}
        />
      ) : null}
      {history ? <HistoryDialog item={history} onClose={() => setHistory(null)} /> : null}
    </Page>
  )
}
