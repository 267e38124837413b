import {
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
import type { ContractAmountDetail } from '@yoryo/contracts'
import { ApiErrorAlert, Page, formatNumber, useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { settlementQueries } from '../api.ts'

const signed = (n: number) => (n < 0 ? `−${formatNumber(-n)}` : formatNumber(n))

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

/**
 * E10 容量確保契約金額算定結果（詳細） (`/contract-amounts/:id`): one contract's money at one
 * resource in a month — the contract's terms, the replacement moves, the penalty share and the
 * link to the penalty lines behind it (D00 `/penalty-targets/<assessment result>`).
 */
export function ContractAmountPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const line = useQuery(settlementQueries.line(id))
  const data = line.data
  return (
    <Page
      functionCode="E10"
      title={
        data
          ? t('settlement.line.title', { contractNo: data.contractNo, month: data.month })
          : t('functions.contractAmounts')
      }
    >
      <Stack gap="md">
        <Anchor
          component={Link}
          to={
            data ? `/contract-amounts?month=${data.month}&run=${data.runId}` : '/contract-amounts'
          }
          fz="sm"
          data-testid="contract-amount-back"
        >
          {t('settlement.line.back')}
        </Anchor>
        {line.error ? <ApiErrorAlert error={line.error} /> : null}
        {line.isPending ? <Skeleton h={240} /> : null}
        {data ? <LineView line={data} /> : null}
      </Stack>
    </Page>
  )
}

function LineView({ line }: { line: ContractAmountDetail }) {
  const { t } = useTranslation()
  const yen = t('settlement.yen')
  const share = line.penaltyShare
  return (
    <Stack gap="md">
      <Paper withBorder p="md" className="yoryo-panel" data-testid="contract-amount-figures">
        <Group justify="space-between" mb="sm">
          <Title order={2} className="yoryo-section-title">
            {t('settlement.line.amounts')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t(`settlement.lineKind.${line.kind}`)} · {line.resourceCode} {line.resourceName} ·{' '}
            {line.participantCode} {line.participantName} ·{' '}
            {t('settlement.run.versionLabel', { version: line.version })}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: line.releasedKw > 0 ? 6 : 5 }} spacing="md">
          <Figure
            label={t('settlement.fields.monthlyAmount')}
            value={signed(line.monthlyAmount)}
            unit={yen}
          />
          <Figure
            label={t('settlement.fields.replacementAmount')}
            value={signed(line.replacementAmount)}
            unit={yen}
          />
          <Figure label={t('settlement.fields.amount')} value={signed(line.amount)} unit={yen} />
          <Figure
            label={t('settlement.fields.penalty')}
            value={signed(-line.penalty)}
            unit={yen}
            testId="contract-amount-penalty"
          />
          {line.releasedKw > 0 ? (
            <Figure
              label={t('settlement.fields.billedAmount', {
                kw: formatNumber(line.releasedKw),
              })}
              value={signed(-line.billedAmount)}
              unit={yen}
              testId="contract-amount-billed"
            />
          ) : null}
          <Figure
            label={t('settlement.fields.net')}
            value={signed(line.net)}
            unit={yen}
            strong
            testId="contract-amount-net"
          />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('settlement.line.penaltyTitle')}
        </Title>
        {share ? (
          <Stack gap="xs">
            <Text fz="sm">
              {t('settlement.line.penaltyShare', {
                total: formatNumber(share.resourceTotal),
                weight: formatNumber(share.weight),
                weightTotal: formatNumber(share.weightTotal),
                share: formatNumber(line.penalty),
                version: share.assessmentVersion,
              })}
            </Text>
            {line.assessmentResultId ? (
              <Anchor
                component={Link}
                to={`/penalty-targets/${line.assessmentResultId}`}
                fz="sm"
                data-testid="penalty-target-link"
              >
                {t('settlement.line.penaltyTargets')}
              </Anchor>
            ) : null}
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('settlement.line.noPenalty')}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('settlement.line.contractTitle')}
        </Title>
        <Text fz="sm" mb="xs">
          {t('settlement.line.contractTerms', {
            contractNo: line.contractNo,
            contractKw: formatNumber(line.contract.contractKw),
            annualAmount: formatNumber(line.contract.annualAmount),
          })}
        </Text>
        {line.moves.length ? (
          <Table fz="sm" withTableBorder verticalSpacing={4} maw={640} data-testid="moves">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settlement.line.moveResource')}</Table.Th>
                <Table.Th ta="right">{t('settlement.line.moveKw')}</Table.Th>
                <Table.Th ta="right">{t('settlement.line.moveAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.moves.map((m) => (
                <Table.Tr key={`${m.resourceCode}-${m.kw}`}>
                  <Table.Td className="yoryo-code">
                    {m.kw < 0 ? t('settlement.line.to') : t('settlement.line.from')}{' '}
                    {m.resourceCode}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {signed(m.kw)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric">
                    {signed(m.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('settlement.line.noMoves')}
          </Text>
        )}
      </Paper>

      {line.documents.length ? (
        <Paper withBorder p="md" className="yoryo-panel">
          <Title order={2} className="yoryo-section-title" mb="sm">
            {t('settlement.line.documentsTitle')}
          </Title>
          <Group gap="md">
            {line.documents.map((d) => (
              <Anchor
                key={d.id}
                component={Link}
                to={`/settlement-documents/${d.id}`}
                fz="sm"
                className="yoryo-code"
              >
                {t(`settlement.documentKind.${d.kind as 'paymentNotice' | 'invoice'}`)}{' '}
                {d.documentNo}
              </Anchor>
            ))}
          </Group>
        </Paper>
      ) : null}
    </Stack>
  )
}
