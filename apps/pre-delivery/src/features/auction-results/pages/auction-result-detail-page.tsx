import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { AuctionResults, ClearingRun } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  Page,
  formatDateTime,
  formatNumber,
  isApiError,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { Suspense, lazy, useState } from 'react'
import { useParams } from 'react-router'
import { auctionResultQueries, usePublish, useStartClearing } from '../api.ts'
import { AreaMap } from '../components/area-map.tsx'
import { BidResultsList } from '../components/bid-results-list.tsx'

// recharts is loaded with the chart only (its own chunk).
const CurveChart = lazy(() =>
  import('../components/curve-chart.tsx').then((m) => ({ default: m.CurveChart })),
)

const STATE_COLORS: Record<ClearingRun['state'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
}

function Section({
  title,
  children,
  testId,
}: {
  title: string
  children: React.ReactNode
  testId?: string
}) {
  return (
    <Paper withBorder p="md" className="yoryo-panel" component="section" data-testid={testId}>
      <Title order={2} className="yoryo-section-title" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/** The operator's clearing runs: run or re-run, progress, publish a succeeded run. */
function ClearingRuns({ auctionId }: { auctionId: string }) {
  const { t } = useTranslation()
  const runs = useQuery(auctionResultQueries.runs(auctionId))
  const start = useStartClearing(auctionId)
  const publish = usePublish(auctionId)
  const [toPublish, setToPublish] = useState<ClearingRun | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const auction = runs.data?.auction
  const items = runs.data?.items ?? []
  const busy = items.some((r) => r.state === 'queued' || r.state === 'running')
  const canRun = auction && (auction.state === 'biddingClosed' || auction.state === 'cleared')
  const canPublish = auction && (auction.state === 'cleared' || auction.state === 'published')
  return (
    <Section title={t('auctionResults.runs.title')} testId="clearing-runs">
      <Stack gap="sm">
        {notice ? (
          <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="notice">
            {notice}
          </Alert>
        ) : null}
        {start.error ? <ApiErrorAlert error={start.error} /> : null}
        {runs.error ? <ApiErrorAlert error={runs.error} /> : null}
        {canRun ? (
          <Group>
            <Button
              onClick={() =>
                start.mutate(undefined, {
                  onSuccess: () => setNotice(t('auctionResults.runs.started')),
                })
              }
              loading={start.isPending}
              disabled={busy}
              data-testid="run-clearing"
            >
              {items.length ? t('auctionResults.runs.rerun') : t('auctionResults.runs.run')}
            </Button>
          </Group>
        ) : null}
        {items.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('auctionResults.runs.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder aria-label={t('auctionResults.runs.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auctionResults.runs.runNo')}</Table.Th>
                  <Table.Th>{t('auctionResults.runs.state')}</Table.Th>
                  <Table.Th>{t('auctionResults.runs.progress')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.runs.bidCount')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.runs.nationalPrice')}</Table.Th>
                  <Table.Th>{t('auctionResults.runs.createdBy')}</Table.Th>
                  <Table.Th>{t('auctionResults.runs.createdAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid={`run-${r.runNo}`}>
                    <Table.Td>{r.runNo}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Badge
                          size="sm"
                          radius="sm"
                          color={STATE_COLORS[r.state]}
                          data-testid="run-state"
                        >
                          {t(`auctionResults.jobState.${r.state}`)}
                        </Badge>
                        {r.published ? (
                          <Badge size="sm" radius="sm" variant="outline">
                            {t('auctionResults.runs.published')}
                          </Badge>
                        ) : null}
                      </Group>
                      {r.error ? (
                        <Text fz="xs" c="red">
                          {r.error}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td miw={120}>
                      <Progress
                        value={
                          r.state === 'succeeded'
                            ? 100
                            : r.total
                              ? (100 * r.processed) / r.total
                              : 0
                        }
                        animated={r.state === 'running'}
                        aria-label={t('auctionResults.runs.progress')}
                      />
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(r.bidCount)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.nationalPrice)}</Table.Td>
                    <Table.Td>{r.createdByName}</Table.Td>
                    <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>
                      {canPublish && r.state === 'succeeded' && !r.published ? (
                        <Button size="xs" onClick={() => setToPublish(r)} data-testid="publish">
                          {t('auctionResults.runs.publish')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmDialog
        opened={toPublish !== null}
        title={t('auctionResults.runs.publishTitle')}
        message={t('auctionResults.runs.publishConfirm', { runNo: toPublish?.runNo ?? '' })}
        confirmLabel={t('auctionResults.runs.publish')}
        danger={false}
        loading={publish.isPending}
        error={publish.error}
        onClose={() => setToPublish(null)}
        onConfirm={() =>
          toPublish &&
          publish.mutate(toPublish.id, {
            onSuccess: () => {
              setToPublish(null)
              setNotice(t('auctionResults.runs.publishedDone'))
            },
          })
        }
      />
    </Section>
  )
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}

function ResultsView({ results }: { results: AuctionResults }) {
  const { t } = useTranslation()
  const yen = (v: number) => t('auctionResults.yen', { value: formatNumber(v) })
  const kw = (v: number) => t('auctionResults.kw', { value: formatNumber(v) })
  return (
    <Stack gap="md">
      <Section title={t('auctionResults.summary.title')} testId="results-summary">
        <Text fz="sm" c="dimmed" mb="sm">
          {t('auctionResults.summary.run', {
            runNo: results.runNo,
            status: results.published
              ? t('auctionResults.summary.publishedRun')
              : t('auctionResults.summary.reviewRun'),
          })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Figure
            label={t('auctionResults.summary.nationalPrice')}
            value={yen(results.nationalPrice)}
            testId="national-price"
          />
          <Figure
            label={t('auctionResults.summary.totalAwarded')}
            value={kw(results.totalAwardedKw)}
          />
          <Figure label={t('auctionResults.summary.target')} value={kw(results.targetQuantity)} />
          <Figure
            label={t('auctionResults.summary.bids')}
            value={t('auctionResults.summary.bidsValue', {
              count: formatNumber(results.bidCount),
              kw: formatNumber(results.bidKw),
            })}
          />
        </SimpleGrid>
      </Section>
      <Section title={t('auctionResults.areas.title')} testId="area-prices">
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <div>
            <AreaMap areas={results.areas} />
            <Text fz="xs" c="dimmed">
              {t('auctionResults.areas.mapDescription')}
            </Text>
          </div>
          <Table.ScrollContainer minWidth={480}>
            <Table
              striped
              withTableBorder
              style={{ whiteSpace: 'nowrap' }}
              aria-label={t('auctionResults.areas.title')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auctionResults.areas.area')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.areas.price')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.areas.awardedKw')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.areas.requiredKw')}</Table.Th>
                  <Table.Th>{t('auctionResults.areas.block')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.areas.map((a) => (
                  <Table.Tr key={a.area} data-testid={`area-${a.area}`}>
                    <Table.Td>{t(`auctionResults.area.${a.area}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(a.price)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(a.awardedKw)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(a.requiredKw)}</Table.Td>
                    <Table.Td>
                      {a.blockId ? (
                        <Badge size="sm" radius="sm" variant="light" color="orange">
                          {t('auctionResults.areas.split')}
                        </Badge>
                      ) : (
                        t('auctionResults.areas.national')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </SimpleGrid>
      </Section>
      <Section title={t('auctionResults.blocks.title')} testId="blocks">
        {results.blocks.length === 0 ? (
          <Text fz="sm">{t('auctionResults.blocks.none')}</Text>
        ) : (
          <Table striped withTableBorder aria-label={t('auctionResults.blocks.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auctionResults.blocks.areas')}</Table.Th>
                <Table.Th ta="right">{t('auctionResults.blocks.addedKw')}</Table.Th>
                <Table.Th ta="right">{t('auctionResults.blocks.price')}</Table.Th>
                <Table.Th>{t('auctionResults.blocks.adequate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.blocks.map((b) => (
                <Table.Tr key={b.blockId}>
                  <Table.Td>
                    {b.areas.map((a) => t(`auctionResults.area.${a}`)).join('・')}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(b.addedKw)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(b.price)}</Table.Td>
                  <Table.Td>
                    {b.adequate
                      ? t('auctionResults.blocks.adequateYes')
                      : t('auctionResults.blocks.adequateNo')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('auctionResults.chart.title')} testId="curves">
        <Suspense fallback={<Text fz="sm">{t('auctionResults.chart.loading')}</Text>}>
          <CurveChart
            supply={results.supplyCurve}
            demand={results.demandCurve}
            nationalPrice={results.nationalPrice}
          />
        </Suspense>
        <details data-testid="curve-table">
          <summary>{t('auctionResults.chart.table')}</summary>
          <Table.ScrollContainer minWidth={360} mah={320}>
            <Table striped withTableBorder aria-label={t('auctionResults.chart.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auctionResults.chart.curve')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.chart.kw')}</Table.Th>
                  <Table.Th ta="right">{t('auctionResults.chart.price')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.demandCurve.map((p, i) => (
                  <Table.Tr key={`d${i}`}>
                    <Table.Td>{t('auctionResults.chart.demand')}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.kw)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.price)}</Table.Td>
                  </Table.Tr>
                ))}
                {results.supplyCurve
                  .filter((_, i) => i % 2 === 0 || i === results.supplyCurve.length - 1)
                  .map((p, i) => (
                    <Table.Tr key={`s${i}`}>
                      <Table.Td>{t('auctionResults.chart.supply')}</Table.Td>
                      <Table.Td ta="right">{formatNumber(p.kw)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(p.price)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      </Section>
    </Stack>
  )
}

/**
 * 120 one auction: the operator runs and re-runs the clearing, reviews and publishes; everyone,
 * after publication, sees the national price, the area prices on the map, the blocks, the curves
 * and (participants) its own results with their explanations.
 */
export function AuctionResultDetailPage() {
  const { t } = useTranslation()
  const { auctionId = '' } = useParams()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const results = useQuery(auctionResultQueries.results(auctionId))
  const notYet = isApiError(results.error) && results.error.status === 404
  const code = results.data?.auction.code
  return (
    <Page
      functionCode="120"
      title={
        code
          ? t('common.titleWith', { title: t('functions.auctionResults'), code })
          : t('functions.auctionResults')
      }
    >
      <Stack gap="md">
        {isOperator ? <ClearingRuns auctionId={auctionId} /> : null}
        {notYet ? (
          <Alert color="gray" data-testid="results-not-yet">
            {isOperator ? t('auctionResults.runs.none') : t('auctionResults.runs.notYet')}
          </Alert>
        ) : results.error ? (
          <ApiErrorAlert error={results.error} />
        ) : null}
        {results.data ? (
          <>
            <ResultsView results={results.data} />
            <BidResultsList auctionId={auctionId} own={!isOperator} />
          </>
        ) : null}
      </Stack>
    </Page>
  )
}
