import {
  ActionIcon,
  Anchor,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { PenaltyAmount, PenaltyYear } from '@yoryo/contracts'
import { ApiErrorAlert, Page, formatNumber, useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { economicPenaltyQueries } from '../api.ts'
import { NumberCell } from '../format.tsx'
import { currentDeliveryYear } from './penalty-amounts-page.tsx'

/**
 * D20 経済的ペナルティ額（年度） (`/penalty-amounts/:resourceId?deliveryYear=`): one resource's
 * twelve months of a delivery year in one table — subtotal, the monthly cap and what it waived,
 * the penalties before, the annual cap and what it waived, the total — with the totals row and
 * the year's total against the annual cap. A month opens its penalty targets (D00).
 */
export function PenaltyYearPage() {
  const { t } = useTranslation()
  const { resourceId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const asked = params.get('deliveryYear') ?? ''
  const deliveryYear = /^\d{4}$/.test(asked) ? Number(asked) : currentDeliveryYear()
  const year = useQuery(economicPenaltyQueries.year(resourceId, deliveryYear))
  const data = year.data
  const step = (delta: number) =>
    setParams(
      (p) => {
        p.set('deliveryYear', String(deliveryYear + delta))
        return p
      },
      { replace: true },
    )
  return (
    <Page
      functionCode="D20"
      title={
        data
          ? t('economicPenalties.year.title', { code: data.resourceCode, year: deliveryYear })
          : t('functions.penaltyAmounts')
      }
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Anchor
            component={Link}
            to={`/penalty-amounts?deliveryYear=${deliveryYear}${data ? `&resourceCode=${encodeURIComponent(data.resourceCode)}` : ''}`}
            fz="sm"
          >
            {t('economicPenalties.year.back')}
          </Anchor>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={t('economicPenalties.year.previous')}
              title={t('economicPenalties.year.previous')}
              onClick={() => step(-1)}
            >
              ‹
            </ActionIcon>
            <Text
              fz="sm"
              fw={600}
              miw={96}
              px={4}
              ta="center"
              className="yoryo-numeric"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('economicPenalties.fields.deliveryYear')} {deliveryYear}
            </Text>
            <ActionIcon
              variant="default"
              aria-label={t('economicPenalties.year.next')}
              title={t('economicPenalties.year.next')}
              onClick={() => step(1)}
            >
              ›
            </ActionIcon>
          </Group>
        </Group>
        {year.error ? <ApiErrorAlert error={year.error} /> : null}
        {year.isPending ? <Skeleton h={420} /> : null}
        {data ? <YearView year={data} /> : null}
      </Stack>
    </Page>
  )
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={700} className="yoryo-numeric" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  )
}

const shareText = (share: number) =>
  (share * 100).toLocaleString('ja-JP', { maximumFractionDigits: 2 })

function YearView({ year }: { year: PenaltyYear }) {
  const { t } = useTranslation()
  const anyWaived = year.totals.waivedMonthly > 0 || year.totals.waivedAnnual > 0
  const monthlyShare = year.months.find((m) => m.amount)?.amount?.monthlyCapShare
  const cells = (a: PenaltyAmount) => [
    <NumberCell key="subtotal" value={a.subtotal} />,
    <NumberCell key="monthlyCap" value={a.monthlyCap} />,
    <NumberCell
      key="waivedMonthly"
      value={a.waivedMonthly}
      waived={a.waivedMonthly > 0}
      testId="year-waived-monthly"
    />,
    <NumberCell key="penaltiesBefore" value={a.penaltiesBefore} />,
    <NumberCell key="annualCap" value={a.annualCap} />,
    <NumberCell
      key="waivedAnnual"
      value={a.waivedAnnual}
      waived={a.waivedAnnual > 0}
      testId="year-waived-annual"
    />,
    <Text key="total" span fz="sm" fw={700} ta="right" display="block" className="yoryo-numeric">
      {formatNumber(a.total)}
    </Text>,
    <NumberCell key="yearToDate" value={a.yearToDate} />,
  ]
  const headers = [
    'subtotal',
    'monthlyCap',
    'waivedMonthly',
    'penaltiesBefore',
    'annualCap',
    'waivedAnnual',
    'total',
    'yearToDate',
  ] as const
  return (
    <Stack gap="md">
      <Paper withBorder p="md" className="yoryo-panel" data-testid="penalty-year-summary">
        <Group justify="space-between" mb="sm">
          <Title order={2} className="yoryo-section-title">
            {year.resourceCode} {year.resourceName}
          </Title>
          <Text fz="sm" c="dimmed">
            {year.participantCode} {year.participantName} · {t(`resources.kind.${year.kind}`)}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Figure
            label={t('economicPenalties.year.yearTotal')}
            value={formatNumber(year.totals.total)}
            testId="year-total"
          />
          <Figure
            label={t('economicPenalties.year.annualCap', {
              share: year.annualCapShare === null ? '—' : shareText(year.annualCapShare),
            })}
            value={year.annualCap === null ? '—' : formatNumber(year.annualCap)}
            testId="year-annual-cap"
          />
          <Figure
            label={t('economicPenalties.year.room')}
            value={
              year.annualCap === null
                ? '—'
                : formatNumber(Math.max(0, year.annualCap - year.totals.total))
            }
          />
          <Figure
            label={t('economicPenalties.year.waivedTotal')}
            value={formatNumber(year.totals.waivedMonthly + year.totals.waivedAnnual)}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('economicPenalties.year.tableLabel')}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table
            fz="sm"
            withTableBorder
            striped
            verticalSpacing={4}
            horizontalSpacing={8}
            data-testid="penalty-year-table"
            aria-label={t('economicPenalties.year.tableLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('economicPenalties.fields.month')}</Table.Th>
                {headers.map((h) => (
                  <Table.Th key={h} ta="right">
                    {h === 'penaltiesBefore'
                      ? t('economicPenalties.year.penaltiesBefore')
                      : t(`economicPenalties.fields.${h}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {year.months.map(({ month, amount }) => (
                <Table.Tr key={month} data-testid="penalty-year-month" data-month={month}>
                  <Table.Td className="yoryo-numeric">
                    {amount ? (
                      <Anchor component={Link} to={`/penalty-targets/${amount.resultId}`} fz="sm">
                        {month.replace('-', '/')}
                      </Anchor>
                    ) : (
                      month.replace('-', '/')
                    )}
                  </Table.Td>
                  {amount ? (
                    cells(amount).map((cell, i) => <Table.Td key={headers[i]}>{cell}</Table.Td>)
                  ) : (
                    <Table.Td colSpan={headers.length}>
                      <Text fz="xs" c="dimmed">
                        {t('economicPenalties.year.notAssessed')}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="penalty-year-totals" fw={700}>
                <Table.Td>{t('economicPenalties.year.totalRow')}</Table.Td>
                <Table.Td>
                  <NumberCell value={year.totals.subtotal} />
                </Table.Td>
                <Table.Td />
                <Table.Td>
                  <NumberCell
                    value={year.totals.waivedMonthly}
                    waived={year.totals.waivedMonthly > 0}
                  />
                </Table.Td>
                <Table.Td />
                <Table.Td>
                  <NumberCell value={year.annualCap} />
                </Table.Td>
                <Table.Td>
                  <NumberCell
                    value={year.totals.waivedAnnual}
                    waived={year.totals.waivedAnnual > 0}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberCell value={year.totals.total} />
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Stack gap={2} mt="sm">
          {monthlyShare !== undefined ? (
            <Text fz="xs" c="dimmed">
              {t('economicPenalties.year.capsNote', { share: shareText(monthlyShare) })}
            </Text>
          ) : null}
          {anyWaived ? (
            <Text fz="xs" c="orange.9">
              {t('economicPenalties.year.waivedNote')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  )
}
