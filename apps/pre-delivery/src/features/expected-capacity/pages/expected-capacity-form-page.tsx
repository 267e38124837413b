import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  fiscalYearOf,
  storageTypes,
  type ExpectedCapacity,
  type ExpectedCapacityOverrides,
  type Resource,
  type ResourceKind,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  ValueRow,
  canEditGroup,
  formatNumber,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { expectedCapacityQueries, useFileExpectedCapacityApplication } from '../api.ts'
import { CalculationPanel } from '../components/calculation-panel.tsx'
import { WindowBanner } from '../components/window-banner.tsx'

type OverrideKey = keyof ExpectedCapacityOverrides

/** The inputs of a kind's calculation a participant may override. */
function overridableOf(kind: ResourceKind, generationType: string): OverrideKey[] {
  switch (kind) {
    case 'stable':
      return (storageTypes as readonly string[]).includes(generationType)
        ? ['installedKw', 'houseLoadPercent', 'storageHours']
        : ['installedKw', 'houseLoadPercent']
    case 'variableSingle':
      return ['installedKw']
    case 'variableAggregate':
      return []
    case 'dispatchOrder':
      return ['offerableKw']
  }
}

/**
 * 070 期待容量の登録申込 (`/expected-capacities/new`) and 変更申込 (`/expected-capacities/:id/change`,
 * with 841 the change after the auction): the participant chooses; the result is computed live
 * by the API (never typed) and shown with how; 確認 lists it before the application is filed.
 */
export function ExpectedCapacityFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id } = useParams()
  const record = useQuery({ ...expectedCapacityQueries.detail(id ?? ''), enabled: !!id })
  const title = id
    ? t('expectedCapacity.form.changeTitle')
    : t('expectedCapacity.form.registerTitle')
  return (
    <Page
      functionCode="070"
      title={title}
      description={
        id
          ? t('expectedCapacity.form.changeDescription')
          : t('expectedCapacity.form.registerDescription')
      }
    >
      <Stack gap="md">
        <WindowBanner />
        {!canEditGroup(session, '070') ? (
          <MessageAlert id="E-AUTH-005" />
        ) : id && record.error ? (
          <ApiErrorAlert error={record.error} />
        ) : id && !record.data ? (
          <Skeleton h={320} />
        ) : (
          <ExpectedCapacityForm record={record.data ?? null} />
        )}
      </Stack>
    </Page>
  )
}

function ExpectedCapacityForm({ record }: { record: ExpectedCapacity | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const file = useFileExpectedCapacityApplication()
  const resources = useQuery({ ...expectedCapacityQueries.resources(), enabled: !record })
  const evidence = useQuery(expectedCapacityQueries.evidence(session.participant.id))
  const [resourceId, setResourceId] = useState<string | null>(record?.resource.id ?? null)
  const [deliveryYear, setDeliveryYear] = useState<number>(
    record?.deliveryYear ?? fiscalYearOf(new Date()) + 4,
  )
  const [afterAuction, setAfterAuction] = useState(false)
  const [overriding, setOverriding] = useState(Object.keys(record?.overrides ?? {}).length > 0)
  const [overrides, setOverrides] = useState<ExpectedCapacityOverrides>(record?.overrides ?? {})
  const [evidenceIds, setEvidenceIds] = useState<string[]>(record?.evidenceAttachmentIds ?? [])
  const [note, setNote] = useState(record?.note ?? '')
  const [confirming, setConfirming] = useState(false)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus()
  }, [confirming])

  const resource: Pick<Resource, 'id' | 'kind' | 'generationType' | 'code' | 'name'> | undefined =
    record?.resource ?? resources.data?.items.find((r) => r.id === resourceId)
  const overridable = useMemo(
    () => (resource ? overridableOf(resource.kind, resource.generationType) : []),
    [resource],
  )
  const effective: ExpectedCapacityOverrides = useMemo(() => {
    if (!overriding) return {}
    const out: ExpectedCapacityOverrides = {}
    for (const key of overridable) if (overrides[key] !== undefined) out[key] = overrides[key]
    return out
  }, [overriding, overrides, overridable])
  const calculation = useQuery({
    ...expectedCapacityQueries.calculation({
      resourceId: resourceId ?? '',
      deliveryYear,
      overrides: effective,
    }),
    enabled: !!resourceId && deliveryYear >= 2020 && deliveryYear <= 2100,
  })

  const submit = async () => {
    try {
      const common = {
        overrides: effective,
        evidenceAttachmentIds: overriding ? evidenceIds : [],
        note,
      }
      const application = record
        ? await file.mutateAsync({
            kind: 'change',
            record,
            proposed: { ...common, afterAuction },
          })
        : await file.mutateAsync({
            kind: 'register',
            proposed: { ...common, resourceId: resourceId ?? '', deliveryYear },
          })
      void navigate(
        `/applications/${application.id}`,
        noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
      )
    } catch {
      setConfirming(false)
    }
  }

  const resourceOptions = (resources.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.code} ${r.name}`,
  }))
  const evidenceOptions = (evidence.data ?? []).map((a) => ({ value: a.id, label: a.fileName }))

  if (confirming && resource && calculation.data) {
    return (
      <Stack gap="md" data-testid="ec-confirm">
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="sm">
            <Title order={2} className="yoryo-section-title" ref={confirmHeading} tabIndex={-1}>
              {t('expectedCapacity.form.confirmTitle')}
            </Title>
            <Text fz="sm">{t('expectedCapacity.form.confirmDescription')}</Text>
            <dl className="yoryo-dl-table">
              <ValueRow
                label={t('expectedCapacity.fields.resource')}
                value={`${resource.code} ${resource.name}`}
              />
              <ValueRow
                label={t('expectedCapacity.fields.deliveryYear')}
                value={t('expectedCapacity.fiscalYear', { year: deliveryYear })}
              />
              {record ? (
                <ValueRow
                  label={t('expectedCapacity.fields.afterAuction')}
                  value={afterAuction ? '✓' : '—'}
                />
              ) : null}
              <ValueRow label={t('expectedCapacity.fields.note')} value={note} />
            </dl>
          </Stack>
        </Paper>
        <CalculationPanel calculation={calculation.data} />
        {file.error ? <ApiErrorAlert error={file.error} /> : null}
        <Group justify="space-between">
          <Button variant="default" disabled={file.isPending} onClick={() => setConfirming(false)}>
            {t('expectedCapacity.form.back')}
          </Button>
          <Button loading={file.isPending} onClick={() => void submit()} data-testid="ec-submit">
            {t('expectedCapacity.form.submit')}
          </Button>
        </Group>
      </Stack>
    )
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" className="yoryo-panel">
        <Stack gap="md" data-testid="ec-form">
          {record ? (
            <dl className="yoryo-dl-table">
              <ValueRow
                label={t('expectedCapacity.fields.resource')}
                value={`${record.resource.code} ${record.resource.name}`}
              />
              <ValueRow
                label={t('expectedCapacity.fields.deliveryYear')}
                value={t('expectedCapacity.fiscalYear', { year: record.deliveryYear })}
              />
              <ValueRow
                label={t('expectedCapacity.fields.expectedKw')}
                value={`${formatNumber(record.expectedKw)} kW`}
              />
            </dl>
          ) : (
            <Group align="flex-start" gap="md">
              <Select
                label={t('expectedCapacity.fields.resource')}
                placeholder={t('expectedCapacity.form.resourcePlaceholder')}
                data={resourceOptions}
                value={resourceId}
                onChange={setResourceId}
                searchable
                required
                w={420}
                nothingFoundMessage={t('expectedCapacity.form.noResources')}
                data-testid="ec-resource"
              />
              <NumberInput
                label={t('expectedCapacity.fields.deliveryYear')}
                value={deliveryYear}
                onChange={(v) => setDeliveryYear(typeof v === 'number' ? v : Number(v))}
                min={2020}
                max={2100}
                allowDecimal={false}
                thousandSeparator=""
                required
                w={160}
                data-testid="ec-year"
              />
            </Group>
          )}
          {record ? (
            <Switch
              label={t('expectedCapacity.fields.afterAuction')}
              checked={afterAuction}
              onChange={(e) => setAfterAuction(e.currentTarget.checked)}
              data-testid="ec-after-auction"
            />
          ) : null}
          {overridable.length > 0 ? (
            <Checkbox
              label={t('expectedCapacity.form.override')}
              checked={overriding}
              onChange={(e) => setOverriding(e.currentTarget.checked)}
              data-testid="ec-override"
            />
          ) : null}
          {overriding && overridable.length > 0 ? (
            <Stack gap="sm">
              <Group gap="md">
                {overridable.map((key) => (
                  <NumberInput
                    key={key}
                    label={t(`expectedCapacity.calculation.${key}`)}
                    value={overrides[key] ?? ''}
                    onChange={(v) =>
                      setOverrides((o) => ({ ...o, [key]: v === '' ? undefined : Number(v) }))
                    }
                    min={0}
                    decimalScale={key === 'houseLoadPercent' || key === 'storageHours' ? 2 : 0}
                    w={180}
                    data-testid={`ec-override-${key}`}
                  />
                ))}
              </Group>
              <MultiSelect
                label={t('expectedCapacity.form.evidence')}
                description={t('expectedCapacity.form.evidenceHint')}
                data={evidenceOptions}
                value={evidenceIds}
                onChange={setEvidenceIds}
                nothingFoundMessage={t('expectedCapacity.form.noEvidence')}
                w={420}
              />
            </Stack>
          ) : null}
          <Textarea
            label={t('expectedCapacity.fields.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        </Stack>
      </Paper>
      {calculation.data ? <CalculationPanel calculation={calculation.data} /> : null}
      {calculation.error ? <ApiErrorAlert error={calculation.error} /> : null}
      {file.error ? <ApiErrorAlert error={file.error} /> : null}
      <Group justify="flex-end">
        <Button
          onClick={() => {
            file.reset()
            setConfirming(true)
          }}
          disabled={!calculation.data || calculation.data.expectedKw === null}
          data-testid="ec-confirm-button"
        >
          {t('expectedCapacity.form.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}
