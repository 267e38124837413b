import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { BidSimulation, DraftBid } from '@yoryo/contracts'
import { ApiErrorAlert, Page, formatNumber, useTranslation } from '@yoryo/ui'
import { useState } from 'react'
import { auctionResultQueries, useSimulate } from '../api.ts'

interface Row {
  key: number
  resourceId: string
  kw: number | ''
  price: number | ''
}

let nextKey = 1

/**
 * 110 応札シミュレーション (what-if): draft bids for the caller's qualified resources of an open
 * auction, cleared against the supply of the last published auction of the same type; shows the
 * price without and with the drafts and the drafts' awards. Nothing is stored.
 */
export function BidSimulatorPage() {
  const { t } = useTranslation()
  const options = useQuery(auctionResultQueries.simulationOptions())
  const auctions = options.data?.auctions ?? []
  const [auctionId, setAuctionId] = useState<string | null>(null)
  const auction = auctions.find((a) => a.id === auctionId) ?? auctions[0]
  const [rows, setRows] = useState<Row[]>([])
  const simulate = useSimulate()
  const [result, setResult] = useState<BidSimulation | null>(null)
  const resources = auction?.resources ?? []
  const shown: Row[] =
    rows.length || !resources[0]
      ? rows
      : [{ key: 0, resourceId: resources[0].resourceId, kw: resources[0].expectedKw, price: 0 }]
  const update = (key: number, change: Partial<Row>) =>
    setRows(shown.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const run = () => {
    if (!auction) return
    const bids: DraftBid[] = shown.map((r) => ({
      resourceId: r.resourceId,
      kw: r.kw === '' ? 0 : r.kw,
      price: r.price === '' ? 0 : r.price,
    }))
    simulate.mutate({ auctionId: auction.id, bids }, { onSuccess: setResult })
  }
  const yen = (v: number) => t('auctionResults.yen', { value: formatNumber(v) })
  return (
    <Page
      functionCode="110"
      title={t('functions.bidSimulator')}
      description={t('auctionResults.simulator.description')}
    >
      <Stack gap="md">
        {options.error ? <ApiErrorAlert error={options.error} /> : null}
        {options.data && auctions.length === 0 ? (
          <Alert color="gray">{t('auctionResults.simulator.noAuction')}</Alert>
        ) : null}
        {auction ? (
          <Paper withBorder p="md" className="yoryo-panel" component="section">
            <Stack gap="sm">
              <Select
                label={t('auctionResults.simulator.auction')}
                w={320}
                data={auctions.map((a) => ({
                  value: a.id,
                  label: t('common.titleWith', {
                    title: a.code,
                    code: `${t('auctionResults.fiscalYear', { year: a.deliveryYear })} ${t(`auctionResults.type.${a.type}`)}`,
                  }),
                }))}
                value={auction.id}
                onChange={(v) => {
                  setAuctionId(v)
                  setRows([])
                  setResult(null)
                }}
                allowDeselect={false}
              />
              <Title order={2} className="yoryo-section-title">
                {t('auctionResults.simulator.draftBids')}
              </Title>
              <Table.ScrollContainer minWidth={640}>
                <Table withTableBorder aria-label={t('auctionResults.simulator.draftBids')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('auctionResults.simulator.resource')}</Table.Th>
                      <Table.Th>{t('auctionResults.simulator.kw')}</Table.Th>
                      <Table.Th>{t('auctionResults.simulator.price')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((row, i) => {
                      const resource = resources.find((r) => r.resourceId === row.resourceId)
                      return (
                        // Inputs line up at the top; the kW bound shows under its input.
                        <Table.Tr
                          key={row.key}
                          data-testid={`draft-${i}`}
                          style={{ verticalAlign: 'top' }}
                        >
                          <Table.Td>
                            <Select
                              aria-label={t('auctionResults.simulator.resource')}
                              data={resources.map((r) => ({
                                value: r.resourceId,
                                label: `${r.resourceCode} ${r.resourceName}`,
                              }))}
                              value={row.resourceId}
                              onChange={(v) => v && update(row.key, { resourceId: v })}
                              allowDeselect={false}
                            />
                          </Table.Td>
                          <Table.Td>
                            <NumberInput
                              aria-label={t('auctionResults.simulator.kw')}
                              value={row.kw}
                              min={1000}
                              max={resource?.expectedKw}
                              thousandSeparator=","
                              allowDecimal={false}
                              onChange={(v) =>
                                update(row.key, { kw: typeof v === 'number' ? v : '' })
                              }
                              data-testid="draft-kw"
                            />
                            {resource ? (
                              <Text fz="xs">
                                {t('auctionResults.simulator.maxKw', {
                                  value: formatNumber(resource.expectedKw),
                                })}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <NumberInput
                              aria-label={t('auctionResults.simulator.price')}
                              value={row.price}
                              min={0}
                              thousandSeparator=","
                              allowDecimal={false}
                              onChange={(v) =>
                                update(row.key, { price: typeof v === 'number' ? v : '' })
                              }
                              data-testid="draft-price"
                            />
                          </Table.Td>
                          <Table.Td>
                            {shown.length > 1 ? (
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('auctionResults.simulator.remove')}
                                onClick={() => setRows(shown.filter((r) => r.key !== row.key))}
                              >
                                ×
                              </ActionIcon>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group>
                <Button
                  variant="default"
                  disabled={!resources[0]}
                  onClick={() =>
                    resources[0] &&
                    setRows([
                      ...shown,
                      {
                        key: nextKey++,
                        resourceId: resources[0].resourceId,
                        kw: resources[0].expectedKw,
                        price: 0,
                      },
                    ])
                  }
                >
                  {t('auctionResults.simulator.add')}
                </Button>
                <Button onClick={run} loading={simulate.isPending} data-testid="simulate">
                  {t('auctionResults.simulator.run')}
                </Button>
              </Group>
              {simulate.error ? <ApiErrorAlert error={simulate.error} /> : null}
            </Stack>
          </Paper>
        ) : null}
        {result ? (
          <Paper
            withBorder
            p="md"
            className="yoryo-panel"
            component="section"
            data-testid="simulation"
          >
            <Stack gap="sm">
              <Title order={2} className="yoryo-section-title">
                {t('auctionResults.simulator.result')}
              </Title>
              <Text fz="sm" c="dimmed">
                {t('auctionResults.simulator.basedOn', {
                  code: result.basedOn.code,
                  year: result.basedOn.deliveryYear,
                })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Paper withBorder p="sm">
                  <Text fz="xs" c="dimmed">
                    {t('auctionResults.simulator.priceWithout')}
                  </Text>
                  <Text fz="lg" fw={700} data-testid="price-without">
                    {yen(result.without.nationalPrice)}
                  </Text>
                </Paper>
                <Paper withBorder p="sm">
                  <Text fz="xs" c="dimmed">
                    {t('auctionResults.simulator.priceWith')}
                  </Text>
                  <Text fz="lg" fw={700} data-testid="price-with">
                    {yen(result.with.nationalPrice)}
                  </Text>
                </Paper>
                <Paper withBorder p="sm">
                  <Text fz="xs" c="dimmed">
                    {t('auctionResults.simulator.change')}
                  </Text>
                  <Text fz="lg" fw={700} data-testid="price-change">
                    {formatNumber(result.with.nationalPrice - result.without.nationalPrice)}
                  </Text>
                </Paper>
              </SimpleGrid>
              <Title order={3} fz="md">
                {t('auctionResults.simulator.awards')}
              </Title>
              <Table striped withTableBorder aria-label={t('auctionResults.simulator.awards')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('auctionResults.simulator.resource')}</Table.Th>
                    <Table.Th ta="right">{t('auctionResults.simulator.kw')}</Table.Th>
                    <Table.Th ta="right">{t('auctionResults.simulator.price')}</Table.Th>
                    <Table.Th ta="right">{t('auctionResults.bids.awardedKw')}</Table.Th>
                    <Table.Th ta="right">{t('auctionResults.bids.areaPrice')}</Table.Th>
                    <Table.Th>{t('auctionResults.bids.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.bids.map((b, i) => (
                    <Table.Tr key={i} data-testid={`award-${i}`}>
                      <Table.Td>{`${b.resourceCode} ${b.resourceName}`}</Table.Td>
                      <Table.Td ta="right">{formatNumber(b.kw)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(b.price)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(b.awardedKw)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(b.areaPrice)}</Table.Td>
                      <Table.Td>
                        <Text fz="sm" fw={b.awarded ? 700 : 400}>
                          {t(`auctionResults.reason.${b.reason}`)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Title order={3} fz="md">
                {t('auctionResults.simulator.areaPrices')}
              </Title>
              <Table striped withTableBorder aria-label={t('auctionResults.simulator.areaPrices')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('auctionResults.areas.area')}</Table.Th>
                    <Table.Th ta="right">{t('auctionResults.simulator.without')}</Table.Th>
                    <Table.Th ta="right">{t('auctionResults.simulator.with')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.with.areas.map((a) => (
                    <Table.Tr key={a.area}>
                      <Table.Td>{t(`auctionResults.area.${a.area}`)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(result.without.areas.find((w) => w.area === a.area)?.price)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(a.price)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text fz="xs" c="dimmed">
                {t('auctionResults.simulator.note')}
              </Text>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </Page>
  )
}
