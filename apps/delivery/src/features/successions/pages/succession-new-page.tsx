import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  monthSchema,
  successionKinds,
  type ExitPenalty,
  type SuccessionKind,
  type SuccessionResource,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  Page,
  formatNumber,
  shiftMonth,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { successionQueries, useFileSuccession } from '../api.ts'

/** Next month (JST) as `YYYY-MM`: the default effective month. */
function nextMonth(): string {
  const now = new Date(Date.now() + 9 * 3_600_000)
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
  return shiftMonth(month, 1)
}

/**
 * G50 申込 (`/successions/new`): the kind; for a succession the own resources to hand over (each
 * with all its contracts) and the receiving participant; for a merger the receiver; for an exit
 * the penalty it costs (the 190 computation) shown before filing. Filing asks for confirmation.
 */
export function SuccessionNewPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [kind, setKind] = useState<SuccessionKind>('succession')
  const [resourceIds, setResourceIds] = useState<string[]>([])
  const [toParticipantCode, setTo] = useState('')
  const [effectiveMonth, setMonth] = useState(nextMonth)
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const file = useFileSuccession()
  const choices = useQuery(successionQueries.choices())
  const monthValid = monthSchema.safeParse(effectiveMonth).success
  const penalty = useQuery({
    ...successionQueries.exitPenalty(effectiveMonth),
    enabled: kind === 'exit' && monthValid,
  })
  const toggle = (id: string, on: boolean) =>
    setResourceIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))
  const ready =
    monthValid &&
    reason.trim() !== '' &&
    (kind === 'exit' || /^P\d{5}$/.test(toParticipantCode.trim())) &&
    (kind !== 'succession' || resourceIds.length > 0)

  const submit = () =>
    file.mutate(
      {
        kind,
        resourceIds: kind === 'succession' ? resourceIds : [],
        ...(kind === 'exit' ? {} : { toParticipantCode: toParticipantCode.trim() }),
        effectiveMonth,
        reason: reason.trim(),
      },
      { onSuccess: (done) => void navigate(`/successions/${done.id}`) },
    )

  return (
    <Page functionCode="G50" title={t('successions.form.title')} maxWidth={960}>
      <Stack gap="md">
        <Anchor component={Link} to="/successions" fz="sm">
          {t('successions.detail.back')}
        </Anchor>
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="md">
            <Radio.Group
              label={t('successions.fields.kind')}
              value={kind}
              onChange={(v) => setKind(v as SuccessionKind)}
              data-testid="succession-kind"
            >
              <Group gap="lg" mt={4}>
                {successionKinds.map((k) => (
                  <Radio
                    key={k}
                    value={k}
                    label={t(`successions.kind.${k}`)}
                    data-testid={`kind-${k}`}
                  />
                ))}
              </Group>
            </Radio.Group>
            <Text fz="sm" c="dimmed">
              {t(`successions.form.kindHelp.${kind}`)}
            </Text>
            {kind === 'succession' ? (
              <ResourceChoice
                items={choices.data?.items}
                error={choices.error}
                chosen={resourceIds}
                onToggle={toggle}
              />
            ) : null}
            {kind !== 'exit' ? (
              <TextInput
                label={t('successions.fields.toParticipantCode')}
                placeholder="P00000"
                value={toParticipantCode}
                onChange={(e) => setTo(e.currentTarget.value)}
                maxLength={6}
                w={200}
                className="yoryo-code"
                required
                data-testid="succession-to"
              />
            ) : null}
            <TextInput
              label={t('successions.fields.effectiveMonth')}
              description={t('successions.form.effectiveMonthHelp')}
              placeholder="YYYY-MM"
              value={effectiveMonth}
              onChange={(e) => setMonth(e.currentTarget.value.trim())}
              maxLength={7}
              w={420}
              className="yoryo-figures"
              error={monthValid ? undefined : t('monthField.invalid')}
              required
              data-testid="succession-month"
            />
            <Textarea
              label={t('successions.fields.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
              required
              data-testid="succession-reason"
            />
            {kind === 'exit' ? (
              <ExitPenaltyTable
                data={penalty.data}
                error={penalty.error}
                loading={penalty.isFetching}
              />
            ) : null}
            {file.error ? <ApiErrorAlert error={file.error} /> : null}
            <Group justify="flex-end">
              <Button
                onClick={() => setConfirming(true)}
                disabled={!ready}
                data-testid="succession-submit"
              >
                {t('successions.form.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('successions.form.confirmTitle')}
        message={t(`successions.form.confirm.${kind}`, {
          to: toParticipantCode.trim(),
          total: formatNumber(penalty.data?.total ?? 0),
        })}
        confirmLabel={t('successions.form.submit')}
        loading={file.isPending}
        error={file.error}
        danger={kind !== 'succession'}
        onClose={() => {
          setConfirming(false)
          file.reset()
        }}
        onConfirm={submit}
      />
    </Page>
  )
}

function ResourceChoice({
  items,
  error,
  chosen,
  onToggle,
}: {
  items: SuccessionResource[] | undefined
  error: unknown
  chosen: string[]
  onToggle: (id: string, on: boolean) => void
}) {
  const { t } = useTranslation()
  if (error) return <ApiErrorAlert error={error} />
  if (!items) return <Skeleton h={120} />
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500}>
        {t('successions.fields.resources')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('successions.form.resourcesHelp')}
      </Text>
      {items.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('successions.form.noResources')}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder fz="sm" data-testid="succession-resources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t('successions.fields.resourceCode')}</Table.Th>
                <Table.Th>{t('successions.fields.resourceName')}</Table.Th>
                <Table.Th>{t('successions.fields.contractNo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.resourceId}>
                  <Table.Td>
                    <Checkbox
                      aria-label={r.resourceCode}
                      checked={chosen.includes(r.resourceId)}
                      onChange={(e) => onToggle(r.resourceId, e.currentTarget.checked)}
                      data-testid={`resource-${r.resourceCode}`}
                    />
                  </Table.Td>
                  <Table.Td className="yoryo-code">{r.resourceCode}</Table.Td>
                  <Table.Td>{r.resourceName}</Table.Td>
                  <Table.Td className="yoryo-code">
                    {r.contracts.map((c) => c.contractNo).join(', ') || '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

function ExitPenaltyTable({
  data,
  error,
  loading,
}: {
  data: ExitPenalty | undefined
  error: unknown
  loading: boolean
}) {
  const { t } = useTranslation()
  if (error) return <ApiErrorAlert error={error} />
  return (
    <section aria-labelledby="exit-penalty-title" data-testid="exit-penalty">
      <Stack gap="xs">
        <Title order={2} id="exit-penalty-title" className="yoryo-section-title">
          {t('successions.form.exitPenalty')}
        </Title>
        {!data ? (
          <Skeleton h={80} visible={loading} />
        ) : data.items.length === 0 ? (
          <Text fz="sm">{t('successions.form.exitPenaltyNone')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('successions.fields.contractNo')}</Table.Th>
                  <Table.Th>{t('successions.fields.resourceCode')}</Table.Th>
                  <Table.Th ta="right">{t('successions.fields.contractKw')}</Table.Th>
                  <Table.Th ta="right">{t('successions.form.rate')}</Table.Th>
                  <Table.Th ta="right">{t('successions.form.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.contractId}>
                    <Table.Td className="yoryo-code">{i.contractNo}</Table.Td>
                    <Table.Td className="yoryo-code">{i.resourceCode}</Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {formatNumber(i.contractKw)}
                    </Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {i.rate === null ? '—' : `${Math.round(Number(i.rate) * 10_000) / 100}%`}
                    </Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {formatNumber(i.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={600}>
                  <Table.Td colSpan={4}>{t('successions.form.total')}</Table.Td>
                  <Table.Td ta="right" className="yoryo-numeric" data-testid="exit-penalty-total">
                    {formatNumber(data.total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text fz="xs" c="dimmed">
          {t('successions.form.exitPenaltyNote')}
        </Text>
      </Stack>
    </section>
  )
}
