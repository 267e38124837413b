import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  auctionStateLabels,
  type ReleaseAuction,
  type ReleaseOfferInput,
  type ReleaseOfferRow,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  DeadlineCountdown,
  Page,
  formatDateTime,
  formatNumber,
  useLanguage,
  useNow,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { releaseQueries, useReleaseStep, useWriteOffer } from '../api.ts'

const num = (value: number | null | undefined) => (
  <Text fz="sm" ta="right" className="yoryo-numeric">
    {value === null || value === undefined ? '—' : formatNumber(value)}
  </Text>
)

/** The auction shown: `?auction=` if it is listed, else the first open one, else the latest. */
function pick(items: ReleaseAuction[], wanted: string | null): ReleaseAuction | undefined {
  return (
    items.find((a) => a.auctionId === wanted) ?? items.find((a) => a.state === 'open') ?? items[0]
  )
}

/**
 * F30 リリース入札 (`/release-amounts/offers`): a participant sees the release auction with its
 * concluded contracts of the year and offers, changes or withdraws kW at a price while the
 * window is open (countdown as on the bid screen); the operator sees every offer, clears the
 * auction after the close and publishes the result.
 */
export function ReleaseOffersPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const [params, setParams] = useSearchParams()
  const auctions = useQuery(releaseQueries.auctions(undefined))
  const auction = pick(auctions.data?.items ?? [], params.get('auction'))
  const [lang] = useLanguage()

  return (
    <Page
      functionCode="F30"
      title={t('releaseAmounts.offers.title')}
      description={
        isOperator
          ? t('releaseAmounts.offers.descriptionOperator')
          : t('releaseAmounts.offers.description')
      }
    >
      <Stack gap="sm">
        <ApiErrorAlert error={auctions.error} />
        {auctions.data && auctions.data.items.length > 0 ? (
          <Select
            label={t('releaseAmounts.offers.auction')}
            w={320}
            allowDeselect={false}
            value={auction?.auctionId ?? null}
            onChange={(value) => value && setParams({ auction: value })}
            data={auctions.data.items.map((a) => ({
              value: a.auctionId,
              label: `${a.auctionCode}（${a.deliveryYear}）${auctionStateLabels[a.state][lang]}`,
            }))}
            data-testid="release-auction-select"
          />
        ) : null}
        {auctions.data && !auction ? (
          <Text fz="sm" c="dimmed">
            {t('releaseAmounts.offers.noAuction')}
          </Text>
        ) : null}
        {auction ? <AuctionOffers key={auction.auctionId} auctionId={auction.auctionId} /> : null}
      </Stack>
    </Page>
  )
}

function AuctionOffers({ auctionId }: { auctionId: string }) {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const [lang] = useLanguage()
  const offers = useQuery(releaseQueries.offers(auctionId))
  const write = useWriteOffer(auctionId)
  const clearing = useReleaseStep(auctionId, 'clearing')
  const publication = useReleaseStep(auctionId, 'publication')
  const [confirm, setConfirm] = useState(false)
  const [flash, setFlash] = useState<string | null>(null)
  const now = useNow(10_000)
  const a = offers.data?.auction
  const windowOpen =
    !!a &&
    a.state === 'open' &&
    !!a.biddingOpensAt &&
    !!a.biddingClosesAt &&
    Date.parse(a.biddingOpensAt) <= now.getTime() &&
    now.getTime() < Date.parse(a.biddingClosesAt)

  const submit = (input: ReleaseOfferInput, contractNo: string) => {
    setFlash(null)
    write.mutate(input, {
      onSuccess: () =>
        setFlash(
          t(
            input.action === 'withdraw'
              ? 'releaseAmounts.offers.withdrawn'
              : 'releaseAmounts.offers.saved',
            { contractNo },
          ),
        ),
    })
  }

  if (!a) return <ApiErrorAlert error={offers.error} />
  return (
    <Stack gap="sm">
      <Paper withBorder p="md" className="yoryo-panel" data-testid="release-auction-panel">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={2} className="yoryo-section-title">
                <span className="yoryo-code">{a.auctionCode}</span>
              </Title>
              <Badge variant="light" radius="sm" data-testid="release-auction-state">
                {auctionStateLabels[a.state][lang]}
              </Badge>
            </Group>
            {a.biddingOpensAt && a.biddingClosesAt ? (
              <Group gap="md">
                <Text fz="sm">
                  {t('releaseAmounts.offers.window', {
                    opensAt: formatDateTime(a.biddingOpensAt),
                    closesAt: formatDateTime(a.biddingClosesAt),
                  })}
                </Text>
                {a.state === 'open' ? (
                  <DeadlineCountdown
                    closesAt={a.biddingClosesAt}
                    opensAt={
                      Date.parse(a.biddingOpensAt) > now.getTime() ? a.biddingOpensAt : undefined
                    }
                  />
                ) : null}
              </Group>
            ) : null}
            <Text fz="sm">
              {a.targetKw === null
                ? t('releaseAmounts.offers.targetUnset')
                : t('releaseAmounts.offers.target', { kw: formatNumber(a.targetKw) })}
            </Text>
            {a.clearedAt ? (
              <Text fz="sm" fw={700} data-testid="release-result">
                {a.releasePrice === null
                  ? t('releaseAmounts.offers.resultNone')
                  : t('releaseAmounts.offers.result', {
                      price: formatNumber(a.releasePrice),
                      kw: formatNumber(a.releasedKw),
                    })}
              </Text>
            ) : null}
          </Stack>
          {isOperator ? (
            <Group gap="sm">
              <Button
                variant="default"
                disabled={a.state !== 'biddingClosed' && a.state !== 'cleared'}
                loading={clearing.isPending}
                onClick={() => {
                  setFlash(null)
                  clearing.mutate(a.version, {
                    onSuccess: () => setFlash(t('releaseAmounts.offers.cleared')),
                  })
                }}
                data-testid="release-clear"
              >
                {t('releaseAmounts.offers.clear')}
              </Button>
              <Button
                disabled={a.state !== 'cleared'}
                onClick={() => setConfirm(true)}
                data-testid="release-publish"
              >
                {t('releaseAmounts.offers.publish')}
              </Button>
            </Group>
          ) : null}
        </Group>
      </Paper>
      {flash ? (
        <Alert color="green" variant="light" role="status" data-testid="release-flash">
          {flash}
        </Alert>
      ) : null}
      <ApiErrorAlert error={write.error ?? clearing.error} />
      <Paper withBorder className="yoryo-panel" style={{ overflowX: 'auto' }}>
        <Table
          striped
          highlightOnHover
          verticalSpacing={6}
          aria-label={t('releaseAmounts.offers.tableLabel')}
          data-testid="release-offer-table"
          miw={960}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('releaseAmounts.fields.contractNo')}</Table.Th>
              <Table.Th>{t('releaseAmounts.fields.resource')}</Table.Th>
              {isOperator ? <Table.Th>{t('releaseAmounts.fields.participant')}</Table.Th> : null}
              <Table.Th ta="right">{t('releaseAmounts.fields.contractKw')}</Table.Th>
              <Table.Th ta="right">{t('releaseAmounts.offers.unreleasedKw')}</Table.Th>
              <Table.Th ta="right">{t('releaseAmounts.offers.areaPrice')}</Table.Th>
              <Table.Th ta="right">{t('releaseAmounts.offers.offerKw')}</Table.Th>
              <Table.Th ta="right">{t('releaseAmounts.offers.offerPrice')}</Table.Th>
              <Table.Th>{t('releaseAmounts.offers.status')}</Table.Th>
              <Table.Th ta="right">{t('releaseAmounts.offers.releasedKw')}</Table.Th>
              {!isOperator ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offers.data?.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={11}>
                  <Text fz="sm" c="dimmed">
                    {isOperator
                      ? t('releaseAmounts.offers.emptyOperator')
                      : t('releaseAmounts.offers.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {offers.data?.items.map((row) => (
              <OfferRow
                key={`${row.contractId}:${row.offer?.version ?? 0}`}
                row={row}
                isOperator={isOperator}
                editable={windowOpen}
                busy={write.isPending}
                onSubmit={submit}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <ConfirmDialog
        opened={confirm}
        title={t('releaseAmounts.offers.publish')}
        message={t('releaseAmounts.offers.confirmPublish')}
        confirmLabel={t('releaseAmounts.offers.publish')}
        danger={false}
        loading={publication.isPending}
        error={publication.error}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          publication.mutate(a.version, {
            onSuccess: () => {
              setConfirm(false)
              setFlash(t('releaseAmounts.offers.published'))
            },
          })
        }
      />
    </Stack>
  )
}

function OfferRow({
  row,
  isOperator,
  editable,
  busy,
  onSubmit,
}: {
  row: ReleaseOfferRow
  isOperator: boolean
  editable: boolean
  busy: boolean
  onSubmit: (input: ReleaseOfferInput, contractNo: string) => void
}) {
  const { t } = useTranslation()
  const live = row.offer && !row.offer.withdrawnAt ? row.offer : null
  const [kw, setKw] = useState<number | string>(live?.kw ?? '')
  const [price, setPrice] = useState<number | string>(live?.price ?? '')
  const status = !row.offer
    ? t('releaseAmounts.offers.statusNone')
    : row.offer.withdrawnAt
      ? t('releaseAmounts.offers.statusWithdrawn')
      : row.offer.releasedKw === null
        ? t('releaseAmounts.offers.statusLive')
        : row.offer.releasedKw > 0
          ? t('releaseAmounts.offers.statusReleased')
          : t('releaseAmounts.offers.statusNotReleased')
  const values = { kw: Number(kw), price: Number(price) }
  const valid = kw !== '' && price !== '' && Number.isInteger(values.kw) && values.kw > 0
  return (
    <Table.Tr data-testid={`release-offer-${row.contractNo}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text span fz="sm" className="yoryo-code">
          {row.contractNo}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text span fz="sm" className="yoryo-code">
          {row.resourceCode}
        </Text>{' '}
        <Text span fz="sm">
          {row.resourceName}
        </Text>
      </Table.Td>
      {isOperator ? (
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text span fz="sm" className="yoryo-code" title={row.participantName}>
            {row.participantCode}
          </Text>
        </Table.Td>
      ) : null}
      <Table.Td>{num(row.contractKw)}</Table.Td>
      <Table.Td>{num(row.unreleasedKw)}</Table.Td>
      <Table.Td>{num(row.areaPrice)}</Table.Td>
      {isOperator || !editable ? (
        <>
          <Table.Td>{num(live?.kw)}</Table.Td>
          <Table.Td>{num(live?.price)}</Table.Td>
        </>
      ) : (
        <>
          <Table.Td w={112}>
            <NumberInput
              size="xs"
              aria-label={`${t('releaseAmounts.offers.offerKw')} ${row.contractNo}`}
              value={kw}
              onChange={setKw}
              min={0}
              max={row.unreleasedKw}
              allowDecimal={false}
              thousandSeparator=","
              hideControls
              styles={{ input: { textAlign: 'right' } }}
              data-testid="offer-kw"
            />
          </Table.Td>
          <Table.Td w={100}>
            <NumberInput
              size="xs"
              aria-label={`${t('releaseAmounts.offers.offerPrice')} ${row.contractNo}`}
              value={price}
              onChange={setPrice}
              min={0}
              max={row.areaPrice}
              allowDecimal={false}
              thousandSeparator=","
              hideControls
              styles={{ input: { textAlign: 'right' } }}
              data-testid="offer-price"
            />
          </Table.Td>
        </>
      )}
      <Table.Td>
        <Text span fz="sm" data-testid="offer-status">
          {status}
        </Text>
        {row.offer ? (
          <Text fz="xs" c="dimmed" className="yoryo-figures" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(row.offer.withdrawnAt ?? row.offer.submittedAt)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{num(live?.releasedKw)}</Table.Td>
      {!isOperator ? (
        <Table.Td>
          <Group gap={6} wrap="nowrap" justify="flex-end">
            <Button
              size="xs"
              disabled={!editable || !valid || busy}
              onClick={() =>
                onSubmit(
                  live
                    ? {
                        contractId: row.contractId,
                        action: 'change',
                        ...values,
                        version: live.version,
                      }
                    : { contractId: row.contractId, action: 'register', ...values },
                  row.contractNo,
                )
              }
              data-testid="offer-submit"
            >
              {live ? t('releaseAmounts.offers.change') : t('releaseAmounts.offers.register')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!editable || !live || busy}
              onClick={() =>
                live &&
                onSubmit(
                  { contractId: row.contractId, action: 'withdraw', version: live.version },
                  row.contractNo,
                )
              }
              data-testid="offer-withdraw"
            >
              {t('releaseAmounts.offers.withdraw')}
            </Button>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  )
}
