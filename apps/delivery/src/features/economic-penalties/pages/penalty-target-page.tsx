import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  fiscalYearOf,
  type PenaltyLine,
  type PenaltySlotEvidence,
  type PenaltyTargetDetail,
} from '@yoryo/contracts'
import { ApiErrorAlert, Page, formatDate, formatNumber, useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { economicPenaltyQueries } from '../api.ts'
import { percent, slotTime } from '../format.tsx'

/**
 * D00 ペナルティ対象（詳細） (`/penalty-targets/:id`, `:id` = the assessment result): one
 * resource-month — its amounts with the caps, and each requirement's line with the evidence it
 * came from (the slots with their values, the dispatch orders with their ratio), the slots exempt
 * by operation restraint noted. The settlement screens (E10/F00) link here.
 */
export function PenaltyTargetPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const result = useQuery(economicPenaltyQueries.target(id))
  const data = result.data
  return (
    <Page
      functionCode="D00"
      title={
        data
          ? t('economicPenalties.detail.title', { code: data.resourceCode, month: data.month })
          : t('functions.penaltyTargets')
      }
    >
      <Stack gap="md">
        <Anchor
          component={Link}
          to={
            data
              ? `/penalty-targets?month=${data.month}&resourceCode=${encodeURIComponent(data.resourceCode)}`
              : '/penalty-targets'
          }
          fz="sm"
          data-testid="penalty-target-back"
        >
          {t('economicPenalties.detail.back')}
        </Anchor>
        {result.error ? <ApiErrorAlert error={result.error} /> : null}
        {result.isPending ? <Skeleton h={240} /> : null}
        {data ? <DetailView detail={data} /> : null}
      </Stack>
    </Page>
  )
}

function Figure({
  label,
  value,
  strong,
  waived,
  testId,
}: {
  label: string
  value: ReactNode
  strong?: boolean
  waived?: boolean
  testId?: string
}) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fz={strong ? 'lg' : 'sm'}
        fw={strong || waived ? 700 : 500}
        c={waived ? 'orange.9' : undefined}
        className="yoryo-numeric"
        data-testid={testId}
      >
        {value}
      </Text>
    </Stack>
  )
}

const minus = (value: number) => (value > 0 ? `−${formatNumber(value)}` : '0')

function DetailView({ detail }: { detail: PenaltyTargetDetail }) {
  const { t } = useTranslation()
  const changed = detail.lines.some((l) => l.slots.some((s) => s.changedAfterRun))
  return (
    <Stack gap="md">
      {!detail.current ? (
        <Alert color="yellow" variant="light">
          {t('economicPenalties.detail.notCurrent', { version: detail.version })}
        </Alert>
      ) : null}
      <Paper withBorder p="md" className="yoryo-panel" data-testid="penalty-target-amounts">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} className="yoryo-section-title">
            {t('economicPenalties.detail.amounts')}
          </Title>
          <Text fz="sm" c="dimmed">
            {detail.resourceName} · {detail.participantCode} {detail.participantName} ·{' '}
            {t(`resources.kind.${detail.kind}`)} ·{' '}
            {t('economicPenalties.detail.version', { version: detail.version })}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
          <Figure
            label={t('economicPenalties.fields.subtotal')}
            value={formatNumber(detail.subtotal)}
            testId="detail-subtotal"
          />
          <Figure
            label={t('economicPenalties.fields.monthlyCap')}
            value={formatNumber(detail.monthlyCap)}
          />
          <Figure
            label={t('economicPenalties.fields.waivedMonthly')}
            value={minus(detail.waivedMonthly)}
            waived={detail.waivedMonthly > 0}
            testId="detail-waived-monthly"
          />
          <Figure
            label={t('economicPenalties.fields.waivedAnnual')}
            value={minus(detail.waivedAnnual)}
            waived={detail.waivedAnnual > 0}
            testId="detail-waived-annual"
          />
          <Figure
            label={t('economicPenalties.fields.total')}
            value={formatNumber(detail.total)}
            strong
            testId="detail-total"
          />
        </SimpleGrid>
        <Group gap="lg" mt="sm">
          <Text fz="xs" c="dimmed" className="yoryo-figures">
            {t('economicPenalties.detail.basisLine', {
              kw: formatNumber(detail.contractKw),
              amount: formatNumber(detail.annualAmount),
              unit: detail.unitPrice.toLocaleString('ja-JP', { maximumFractionDigits: 2 }),
            })}
          </Text>
          <Anchor component={Link} to={`/assessment-results/${detail.id}`} fz="xs">
            {t('economicPenalties.detail.assessmentResult')}
          </Anchor>
          <Anchor
            component={Link}
            to={`/penalty-amounts/${detail.resourceId}?deliveryYear=${fiscalYearOf(`${detail.month}-01`)}`}
            fz="xs"
            data-testid="penalty-year-link"
          >
            {t('economicPenalties.detail.yearView')}
          </Anchor>
        </Group>
      </Paper>

      <Paper withBorder p="md" className="yoryo-panel" data-testid="penalty-target-lines">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('economicPenalties.detail.lines')}
        </Title>
        {detail.lines.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('economicPenalties.detail.noLines')}
          </Text>
        ) : (
          <Stack gap="lg">
            {detail.lines.map((line) => (
              <LineView key={line.requirement} line={line} detail={detail} />
            ))}
          </Stack>
        )}
        {changed ? (
          <Text fz="xs" c="dimmed" mt="sm">
            {t('economicPenalties.detail.changedNote')}
          </Text>
        ) : null}
      </Paper>

      {detail.exemptSlots.length > 0 ? (
        <Paper withBorder p="md" className="yoryo-panel" data-testid="penalty-target-exempt">
          <Title order={2} className="yoryo-section-title" mb="sm">
            {t('economicPenalties.detail.exempt', { count: detail.exemptSlots.length })}
          </Title>
          <ScrollArea.Autosize mah={220} maw={480} type="auto">
            <Table fz="xs" withTableBorder striped verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('economicPenalties.fields.date')}</Table.Th>
                  <Table.Th>{t('economicPenalties.fields.time')}</Table.Th>
                  <Table.Th ta="right">{t('economicPenalties.fields.restrainedKw')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.exemptSlots.map((s) => (
                  <Table.Tr key={`${s.date}-${s.slot}`}>
                    <Table.Td className="yoryo-numeric">{formatDate(s.date)}</Table.Td>
                    <Table.Td className="yoryo-numeric">{slotTime(s.slot)}</Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {formatNumber(s.restrainedKw)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      ) : null}
    </Stack>
  )
}

type SlotColumn = keyof Pick<
  PenaltySlotEvidence,
  'contractKw' | 'plannedKw' | 'availableKw' | 'instructedKw' | 'deliveredKw' | 'offeredKw'
>

/** The values each slot line came from (rules-api.md `assess-month` lines 2–4). */
const slotColumns: Record<string, SlotColumn[]> = {
  unplannedOutage: ['contractKw', 'plannedKw', 'availableKw'],
  supplyInstruction: ['instructedKw', 'deliveredKw'],
  reserveNotice: ['contractKw', 'plannedKw', 'availableKw', 'offeredKw'],
}

/** One requirement's line: its amount and the slots or orders it came from. */
function LineView({ line, detail }: { line: PenaltyLine; detail: PenaltyTargetDetail }) {
  const { t } = useTranslation()
  const values = slotColumns[line.requirement] ?? []
  const kwLabel =
    line.requirement === 'reserveNotice'
      ? t('economicPenalties.fields.unofferedKw')
      : t('economicPenalties.fields.kw')
  return (
    <Stack gap={6} data-testid="penalty-line" data-requirement={line.requirement}>
      <Group justify="space-between" maw={820}>
        <Text fw={700} fz="sm">
          {t(`economicPenalties.requirement.${line.requirement}`)}
          <Text span fz="xs" c="dimmed" ml={8}>
            {line.requirement === 'dispatchOrder'
              ? t('economicPenalties.detail.orderCount', { count: line.orders.length })
              : line.count !== null
                ? t('economicPenalties.detail.slotCount', { count: line.count })
                : null}
            {line.multiplier !== null
              ? ` · ${t('economicPenalties.detail.multiplier', { value: line.multiplier })}`
              : null}
          </Text>
        </Text>
        <Text fw={700} fz="sm" className="yoryo-numeric" data-testid="line-amount">
          {t('economicPenalties.amountYen', { amount: formatNumber(line.amount) })}
        </Text>
      </Group>
      {line.requirement === 'plannedOutage' ? (
        <Text fz="sm">
          {t('economicPenalties.detail.plannedOutage', {
            inMonth: detail.outageDaysInMonth.toFixed(4),
            before: detail.outageDaysBefore.toFixed(4),
            allowance: detail.outageAllowanceDays,
          })}
        </Text>
      ) : null}
      {line.slots.length > 0 ? (
        <ScrollArea.Autosize mah={260} maw={820} type="auto">
          <Table fz="xs" withTableBorder striped verticalSpacing={2} data-testid="line-evidence">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economicPenalties.fields.date')}</Table.Th>
                <Table.Th>{t('economicPenalties.fields.time')}</Table.Th>
                {values.map((v) => (
                  <Table.Th key={v} ta="right">
                    {t(`economicPenalties.fields.${v}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{kwLabel}</Table.Th>
                <Table.Th w={110} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.slots.map((s) => (
                <Table.Tr key={`${s.date}-${s.slot}`} data-testid="evidence-slot">
                  <Table.Td className="yoryo-numeric">{formatDate(s.date)}</Table.Td>
                  <Table.Td className="yoryo-numeric">{slotTime(s.slot)}</Table.Td>
                  {values.map((v) => (
                    <Table.Td key={v} ta="right" className="yoryo-numeric">
                      {s[v] === null ? '—' : formatNumber(s[v])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" className="yoryo-numeric" fw={700}>
                    {formatNumber(s.kw)}
                  </Table.Td>
                  <Table.Td>
                    {s.changedAfterRun ? (
                      <Badge size="xs" color="yellow" variant="light" radius="sm">
                        {t('economicPenalties.detail.changedAfterRun')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
      {line.orders.length > 0 ? (
        <ScrollArea.Autosize mah={260} maw={820} type="auto">
          <Table fz="xs" withTableBorder striped verticalSpacing={2} data-testid="line-evidence">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economicPenalties.fields.orderId')}</Table.Th>
                <Table.Th>{t('economicPenalties.fields.orderedSlots')}</Table.Th>
                <Table.Th ta="right">{t('economicPenalties.fields.count')}</Table.Th>
                <Table.Th ta="right">{t('economicPenalties.fields.instructedKw')}</Table.Th>
                <Table.Th ta="right">{t('economicPenalties.fields.deliveredKw')}</Table.Th>
                <Table.Th ta="right">{t('economicPenalties.fields.ratio')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.orders.map((o) => (
                <Table.Tr key={o.orderId} data-testid="evidence-order">
                  <Table.Td className="yoryo-code">{o.orderId}</Table.Td>
                  <Table.Td className="yoryo-numeric">
                    {o.date && o.firstSlot
                      ? `${formatDate(o.date)} ${slotTime(o.firstSlot).split('–')[0]}–${
                          slotTime(Math.min(48, o.firstSlot + Math.max(1, o.slotCount) - 1)).split(
                            '–',
                          )[1]
                        }`
                      : '—'}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {formatNumber(o.slotCount)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {formatNumber(o.instructedKw)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {formatNumber(o.deliveredKw)}
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    className="yoryo-numeric"
                    c={o.ratio < 1 ? 'red.8' : undefined}
                  >
                    {percent(o.ratio)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  )
}
