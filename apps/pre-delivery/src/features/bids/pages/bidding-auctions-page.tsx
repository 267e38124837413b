import { Alert, Anchor, Badge, Paper, Skeleton, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { BiddingAuction } from '@yoryo/contracts'
import { ApiErrorAlert, DeadlineCountdown, Page, formatDateTime, useTranslation } from '@yoryo/ui'
import { Link } from 'react-router'
import { bidQueries } from '../api.ts'

const WINDOW_COLOR = { open: 'green', upcoming: 'blue', closed: 'gray', none: 'gray' } as const

export function WindowBadge({ auction }: { auction: BiddingAuction }) {
  const { t } = useTranslation()
  const state = auction.window?.state ?? 'none'
  return (
    <Badge
      variant="light"
      radius="sm"
      miw={64}
      color={WINDOW_COLOR[state]}
      data-testid="bid-window-state"
    >
      {t(`bids.windowState.${state}`)}
    </Badge>
  )
}

/** 110 応札情報管理 (`/bids`): the auctions open for bidding and recent ones. */
export function BiddingAuctionsPage() {
  const { t } = useTranslation()
  const auctions = useQuery(bidQueries.auctions())
  const items = auctions.data?.items
  return (
    <Page functionCode="110" title={t('bids.list.title')} description={t('bids.list.description')}>
      {auctions.error ? <ApiErrorAlert error={auctions.error} /> : null}
      {!items ? (
        auctions.isPending ? (
          <Skeleton h={160} />
        ) : null
      ) : items.length === 0 ? (
        <Alert color="gray">{t('bids.list.empty')}</Alert>
      ) : (
        <Paper withBorder className="yoryo-panel">
          <Table striped highlightOnHover data-testid="bidding-auctions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bids.list.auction')}</Table.Th>
                <Table.Th>{t('bids.list.type')}</Table.Th>
                <Table.Th>{t('bids.list.deliveryYear')}</Table.Th>
                <Table.Th>{t('bids.list.window')}</Table.Th>
                <Table.Th>{t('bids.list.countdown')}</Table.Th>
                <Table.Th ta="right">{t('bids.list.bids')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-auction={a.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/bids/${a.id}`}>
                      {a.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`bids.type.${a.type}`)}</Table.Td>
                  <Table.Td>{t('bids.list.year', { year: a.deliveryYear })}</Table.Td>
                  <Table.Td>
                    {a.window
                      ? `${formatDateTime(a.window.opensAt)} ～ ${formatDateTime(a.window.closesAt)}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {a.window && a.window.state !== 'closed' ? (
                      <DeadlineCountdown
                        closesAt={a.window.closesAt}
                        opensAt={a.window.state === 'upcoming' ? a.window.opensAt : undefined}
                      />
                    ) : (
                      <WindowBadge auction={a} />
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {t('bids.list.bidsValue', { bids: a.bidCount, qualified: a.qualifiedCount })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Page>
  )
}
