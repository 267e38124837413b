import {
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
import type { AssessmentLineView, AssessmentResultDetail } from '@yoryo/contracts'
import { ApiErrorAlert, Page, formatDate, formatNumber, useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { assessmentQueries } from '../api.ts'
import { slotTime } from '../slot-time.ts'

/**
 * B40 アセスメント算定結果（詳細） (`/assessment-results/:id`): one resource's result of a run —
 * the amounts with the caps and what they waived, the basis (contract kW, A, U, parameters, the
 * year so far), and each requirement's line with the slots (or orders) it came from.
 */
export function AssessmentResultPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const result = useQuery(assessmentQueries.result(id))
  const data = result.data
  return (
    <Page
      functionCode="B40"
      title={
        data
          ? t('assessment.detail.title', { code: data.resourceCode, month: data.month })
          : t('functions.assessmentResults')
      }
    >
      <Stack gap="md">
        <Anchor
          component={Link}
          to={
            data
              ? `/assessment-results?month=${data.month}&run=${data.runId}`
              : '/assessment-results'
          }
          fz="sm"
          data-testid="assessment-back"
        >
          {t('assessment.detail.back')}
        </Anchor>
        {result.error ? <ApiErrorAlert error={result.error} /> : null}
        {result.isPending ? <Skeleton h={240} /> : null}
        {data ? <ResultView result={data} /> : null}
      </Stack>
    </Page>
  )
}

function Figure({
  label,
  value,
  unit,
  strong,
  testId,
}: {
  label: string
  value: ReactNode
  unit?: string
  strong?: boolean
  testId?: string
}) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fz={strong ? 'lg' : 'sm'}
        fw={strong ? 700 : 500}
        className="yoryo-numeric"
        data-testid={testId}
      >
        {value}
        {unit ? (
          <Text span fz="xs" c="dimmed" ml={4}>
            {unit}
          </Text>
        ) : null}
      </Text>
    </Stack>
  )
}

const decimals = (value: number, digits: number) =>
  value.toLocaleString('ja-JP', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function ResultView({ result }: { result: AssessmentResultDetail }) {
  const { t } = useTranslation()
  const yen = t('assessment.yen')
  const { basis } = result
  const p = basis.parameters
  const monthlyCap = Math.floor(result.annualAmount * p.monthlyCapShare)
  const annualRoom = Math.max(
    0,
    Math.floor(result.annualAmount * p.annualCapShare) - result.penaltiesBefore,
  )
  return (
    <Stack gap="md">
      <Paper withBorder p="md" className="yoryo-panel" data-testid="assessment-amounts">
        <Group justify="space-between" mb="sm">
          <Title order={2} className="yoryo-section-title">
            {t('assessment.detail.amounts')}
          </Title>
          <Text fz="sm" c="dimmed">
            {result.resourceName} · {result.participantCode} · {t(`resources.kind.${result.kind}`)}{' '}
            · {t('assessment.run.versionLabel', { version: result.version })}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Figure
            label={t('assessment.fields.subtotal')}
            value={formatNumber(result.subtotal)}
            unit={yen}
            testId="amount-subtotal"
          />
          <Figure
            label={t('assessment.detail.waivedMonthly', { cap: formatNumber(monthlyCap) })}
            value={result.waivedMonthly > 0 ? `−${formatNumber(result.waivedMonthly)}` : '0'}
            unit={yen}
            testId="amount-waived-monthly"
          />
          <Figure
            label={t('assessment.detail.waivedAnnual', { room: formatNumber(annualRoom) })}
            value={result.waivedAnnual > 0 ? `−${formatNumber(result.waivedAnnual)}` : '0'}
            unit={yen}
            testId="amount-waived-annual"
          />
          <Figure
            label={t('assessment.fields.total')}
            value={formatNumber(result.total)}
            unit={yen}
            strong
            testId="amount-total"
          />
        </SimpleGrid>
        {result.waivedMonthly > 0 || result.waivedAnnual > 0 ? (
          <Badge mt="sm" color="orange" variant="light" radius="sm" data-testid="amount-capped">
            {t('assessment.detail.capped')}
          </Badge>
        ) : null}
      </Paper>

      <Paper withBorder p="md" className="yoryo-panel" data-testid="assessment-lines">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('assessment.detail.lines')}
        </Title>
        {result.lines.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('assessment.detail.noLines')}
          </Text>
        ) : (
          <Stack gap="md">
            {result.lines.map((line) => (
              <LineView key={line.requirement} line={line} />
            ))}
          </Stack>
        )}
        {result.exemptSlotCount > 0 ? (
          <Text fz="sm" mt="md">
            <Anchor
              component={Link}
              to={`/operation-restraint?month=${result.month}&run=${result.runId}&resource=${encodeURIComponent(result.resourceCode)}`}
            >
              {t('assessment.detail.exempt', { count: result.exemptSlotCount })}
            </Anchor>
          </Text>
        ) : null}
      </Paper>

      <Paper withBorder p="md" className="yoryo-panel" data-testid="assessment-basis">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('assessment.detail.basis')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Figure
            label={t('assessment.fields.contractKw')}
            value={formatNumber(basis.contractKw)}
          />
          <Figure
            label={t('assessment.fields.annualAmount')}
            value={formatNumber(basis.annualAmount)}
            unit={yen}
          />
          <Figure
            label={t('assessment.detail.unitPrice')}
            value={decimals(basis.unitPrice, 2)}
            unit={t('assessment.detail.yenPerKwYear')}
          />
          <Figure
            label={t('assessment.detail.penaltiesBefore')}
            value={formatNumber(result.penaltiesBefore)}
            unit={yen}
          />
          <Figure
            label={t('assessment.detail.outageDaysBefore')}
            value={decimals(result.outageDaysBefore, 4)}
            unit={t('assessment.detail.days')}
          />
          <Figure
            label={t('assessment.detail.outageDaysInMonth')}
            value={decimals(result.outageDaysInMonth, 4)}
            unit={t('assessment.detail.days')}
          />
          <Figure
            label={t('assessment.detail.allowance')}
            value={decimals(p.outageAllowanceDays, 0)}
            unit={t('assessment.detail.days')}
          />
          <Figure
            label={t('assessment.detail.multipliers')}
            value={`${p.multipliers.unplannedOutage} / ${p.multipliers.supplyInstruction} / ${p.multipliers.reserveNotice}`}
          />
          <Figure
            label={t('assessment.detail.expectedOrders')}
            value={formatNumber(p.expectedOrdersPerYear)}
          />
          <Figure
            label={t('assessment.detail.caps')}
            value={`${decimals(p.monthlyCapShare * 100, 1)}% / ${decimals(p.annualCapShare * 100, 0)}%`}
          />
        </SimpleGrid>
        {basis.contracts.length > 0 ? (
          <Table fz="sm" mt="md" withTableBorder verticalSpacing={4} maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.detail.contractNo')}</Table.Th>
                <Table.Th ta="right">{t('assessment.fields.contractKw')}</Table.Th>
                <Table.Th ta="right">{t('assessment.fields.annualAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {basis.contracts.map((c) => (
                <Table.Tr key={c.contractNo}>
                  <Table.Td className="yoryo-code" style={{ whiteSpace: 'nowrap' }}>
                    {c.contractNo}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {formatNumber(c.contractKw)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {formatNumber(c.annualAmount)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {basis.allocationsOut.map((a) => (
                <Table.Tr key={`out-${a.contractNo}-${a.resourceCode}`}>
                  <Table.Td>
                    {t('assessment.detail.allocatedOut', { code: a.resourceCode })}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    −{formatNumber(a.kw)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    −{formatNumber(a.annualAmount)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {basis.allocationsIn.map((a) => (
                <Table.Tr key={`in-${a.contractNo}-${a.resourceCode}`}>
                  <Table.Td>
                    {t('assessment.detail.allocatedIn', { code: a.resourceCode })}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    +{formatNumber(a.kw)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    +{formatNumber(a.annualAmount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
    </Stack>
  )
}

/** One requirement's line: its amount and the slots or orders it came from. */
function LineView({ line }: { line: AssessmentLineView }) {
  const { t } = useTranslation()
  const evidence = line.evidence
  return (
    <Stack gap={6} data-testid="assessment-line" data-requirement={line.requirement}>
      <Group justify="space-between" maw={640}>
        <Text fw={700} fz="sm">
          {t(`assessment.requirement.${line.requirement}`)}
          {evidence.length > 0 ? (
            <Text span fz="xs" c="dimmed" ml={8}>
              {'orderId' in (evidence[0] ?? {})
                ? t('assessment.detail.orderCount', { count: evidence.length })
                : t('assessment.slotCount', { count: evidence.length })}
            </Text>
          ) : null}
        </Text>
        <Text fw={700} fz="sm" className="yoryo-numeric" data-testid="line-amount">
          {t('assessment.amountYen', { amount: formatNumber(line.amount) })}
        </Text>
      </Group>
      {evidence.length > 0 ? (
        <ScrollArea.Autosize mah={220} maw={640} type="auto">
          <Table fz="xs" withTableBorder striped verticalSpacing={2} data-testid="line-evidence">
            <Table.Thead>
              {'orderId' in (evidence[0] ?? {}) ? (
                <Table.Tr>
                  <Table.Th>{t('assessment.fields.orderId')}</Table.Th>
                  <Table.Th ta="right">{t('assessment.fields.ratio')}</Table.Th>
                </Table.Tr>
              ) : (
                <Table.Tr>
                  <Table.Th>{t('assessment.fields.date')}</Table.Th>
                  <Table.Th>{t('assessment.fields.time')}</Table.Th>
                  <Table.Th ta="right">
                    {line.requirement === 'reserveNotice'
                      ? t('assessment.fields.unofferedKw')
                      : t('assessment.fields.shortfallKw')}
                  </Table.Th>
                </Table.Tr>
              )}
            </Table.Thead>
            <Table.Tbody>
              {evidence.map((e) =>
                'orderId' in e ? (
                  <Table.Tr key={e.orderId}>
                    <Table.Td className="yoryo-code">{e.orderId}</Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {decimals(e.ratio * 100, 2)}%
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={`${e.date}-${e.slot}`}>
                    <Table.Td className="yoryo-numeric">{formatDate(e.date)}</Table.Td>
                    <Table.Td className="yoryo-numeric">{slotTime(e.slot)}</Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {formatNumber(e.kw)}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  )
}
