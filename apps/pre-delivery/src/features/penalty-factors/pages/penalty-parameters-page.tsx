import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { fiscalYearOf, type PenaltyParameters } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  DateField,
  MessageAlert,
  Page,
  formatDateTime,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { penaltyQueries, useRefundYear, useSavePenaltyParameters } from '../api.ts'

/**
 * 190 ペナルティ算定パラメータ (operator; `/penalty-factors/parameters?year=`): per delivery year the
 * exit rates before / after the additional-auction decision deadline and that deadline (data, not
 * code), and the action that records the additional auction as not held and refunds the year's
 * exit penalties.
 */
export function PenaltyParametersPage() {
  const { t } = useTranslation()
  const session = useSession()
  const [search, setSearch] = useSearchParams()
  const year = Number(search.get('year')) || fiscalYearOf(new Date()) + 4
  const parameters = useQuery(penaltyQueries.parameters(year))
  if (session.user.role !== 'operator') {
    return (
      <Page functionCode="190" title={t('penaltyFactors.parameters.title')}>
        <MessageAlert id="E-AUTH-005" />
      </Page>
    )
  }
  return (
    <Page
      functionCode="190"
      title={t('penaltyFactors.parameters.title')}
      description={t('penaltyFactors.parameters.description')}
    >
      <Stack gap="md">
        <NumberInput
          label={t('penaltyFactors.parameters.deliveryYear')}
          value={year}
          onChange={(v) =>
            typeof v === 'number' && v >= 2000 && v <= 2100 && setSearch({ year: String(v) })
          }
          min={2000}
          max={2100}
          allowDecimal={false}
          w={160}
          data-testid="pp-year"
        />
        {parameters.error ? <ApiErrorAlert error={parameters.error} /> : null}
        {parameters.data ? (
          <ParametersForm key={year} parameters={parameters.data} />
        ) : (
          <Skeleton h={240} />
        )}
      </Stack>
    </Page>
  )
}

function ParametersForm({ parameters }: { parameters: PenaltyParameters }) {
  const { t } = useTranslation()
  const year = parameters.deliveryYear
  const save = useSavePenaltyParameters(year)
  const refund = useRefundYear(year)
  const [before, setBefore] = useState<number | ''>(parameters.rateBeforeDeadline * 100)
  const [after, setAfter] = useState<number | ''>(parameters.rateAfterDeadline * 100)
  const [deadline, setDeadline] = useState(parameters.decisionDeadline)
  const [confirming, setConfirming] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const toRate = (percent: number) => Math.round(percent * 100) / 10_000
  return (
    <Stack gap="md">
      {notice ? (
        <Alert color="green" data-testid="pp-notice">
          {notice}
        </Alert>
      ) : null}
      {save.error ? <ApiErrorAlert error={save.error} /> : null}
      <Paper withBorder p="md" className="yoryo-panel">
        <Stack gap="md" data-testid="pp-form">
          {parameters.isDefault ? (
            <Text fz="sm" c="dimmed">
              {t('penaltyFactors.parameters.isDefault')}
            </Text>
          ) : null}
          <Group align="flex-start" gap="md">
            <NumberInput
              label={t('penaltyFactors.parameters.rateBeforeDeadline')}
              value={before}
              onChange={(v) => setBefore(typeof v === 'number' ? v : '')}
              min={0}
              max={100}
              decimalScale={2}
              suffix=" %"
              w={180}
              data-testid="pp-before"
            />
            <NumberInput
              label={t('penaltyFactors.parameters.rateAfterDeadline')}
              value={after}
              onChange={(v) => setAfter(typeof v === 'number' ? v : '')}
              min={0}
              max={100}
              decimalScale={2}
              suffix=" %"
              w={180}
              data-testid="pp-after"
            />
            <DateField
              label={t('penaltyFactors.parameters.decisionDeadline')}
              value={deadline}
              onChange={(v) => setDeadline(v ?? '')}
              required
              data-testid="pp-deadline"
            />
          </Group>
          <Group justify="flex-end">
            <Button
              disabled={before === '' || after === '' || !deadline}
              loading={save.isPending}
              onClick={() =>
                void save
                  .mutateAsync({
                    rateBeforeDeadline: toRate(Number(before)),
                    rateAfterDeadline: toRate(Number(after)),
                    decisionDeadline: deadline,
                    version: parameters.version,
                  })
                  .then(() => setNotice(t('penaltyFactors.parameters.saved', { year })))
                  .catch(() => undefined)
              }
              data-testid="pp-save"
            >
              {t('penaltyFactors.parameters.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md" className="yoryo-panel">
        <Group justify="space-between">
          <Text fz="sm" fw={700}>
            {t('penaltyFactors.parameters.notHeld')}
          </Text>
          {parameters.additionalAuctionNotHeldAt ? (
            <Text fz="sm" data-testid="pp-not-held">
              {t('penaltyFactors.parameters.notHeldAt', {
                at: formatDateTime(parameters.additionalAuctionNotHeldAt),
              })}
            </Text>
          ) : (
            <Button
              color="red"
              variant="light"
              onClick={() => setConfirming(true)}
              data-testid="pp-refund"
            >
              {t('penaltyFactors.parameters.refund')}
            </Button>
          )}
        </Group>
      </Paper>
      <ConfirmDialog
        opened={confirming}
        title={t('penaltyFactors.parameters.refund')}
        message={t('penaltyFactors.parameters.refundConfirm', { year })}
        confirmLabel={t('penaltyFactors.parameters.refund')}
        loading={refund.isPending}
        error={refund.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          void refund
            .mutateAsync(parameters.version)
            .then((r) => {
              setConfirming(false)
              setNotice(t('penaltyFactors.parameters.refunded', { count: r.refunded }))
            })
            .catch(() => undefined)
        }
      />
    </Stack>
  )
}
