import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useQueries, useQuery } from '@tanstack/react-query'
import {
  fiscalYearOf,
  storageTypes,
  type ExpectedCapacity,
  type ExpectedCapacityChangeInput,
  type ExpectedCapacityOverrides,
  type ExpectedCapacityRegisterInput,
  type Resource,
  type ResourceKind,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  AttachmentPanel,
  ValueRow,
  attachmentQueries,
  formatNumber,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { expectedCapacityQueries } from '../api.ts'
import { CalculationPanel } from './calculation-panel.tsx'
import { WindowBanner } from './window-banner.tsx'

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

/** What the form files: a registration's values, or a change's of `record`. */
export type ExpectedCapacityProposed = ExpectedCapacityRegisterInput | ExpectedCapacityChangeInput

export interface ExpectedCapacityFormProps {
  /** The expected capacity a change is filed on; null for a registration. */
  record: ExpectedCapacity | null
  /** The values to start from (a returned application's, when it is corrected). */
  initial?: Partial<ExpectedCapacityRegisterInput & ExpectedCapacityChangeInput>
  /** Files the values; throws to come back to the form (the error is `error`). */
  onFile: (proposed: ExpectedCapacityProposed) => Promise<void>
  busy: boolean
  error: unknown
  /** The button that files, on the confirmation. */
  fileLabel: string
  confirmDescription?: string
  /** Shown beside 確認 (e.g. 修正をやめる). */
  cancel?: ReactNode
  headingOrder?: 2 | 3
}

/** The delivery years a registration is usually filed for: FY+1 (additional) … FY+4 (main). */
const FILING_YEAR_OFFSETS = [4, 3, 2, 1] as const

/**
 * The year a new registration starts on: the farthest of FY+4 … FY+1 whose window is open now
 * (the main auction's window closes before its bidding opens), else FY+4.
 */
function useOpenDeliveryYear(enabled: boolean): number {
  const fy = fiscalYearOf(new Date())
  const windows = useQueries({
    queries: FILING_YEAR_OFFSETS.map((offset) => ({
      ...expectedCapacityQueries.window(fy + offset),
      enabled,
    })),
  })
  const open = FILING_YEAR_OFFSETS.find((_, i) => windows[i]?.data?.window?.state === 'open')
  return fy + (open ?? 4)
}

/**
 * The expected capacity form (070 register / change, 841): the participant chooses; the result
 * is computed live by the API (never typed) and shown with how; 確認 lists it before it is filed.
 * The register / change screens and the correction of a returned application use it.
 */
export function ExpectedCapacityForm({
  record,
  initial,
  onFile,
  busy,
  error,
  fileLabel,
  confirmDescription,
  cancel,
  headingOrder = 2,
}: ExpectedCapacityFormProps) {
  const { t } = useTranslation()
  const session = useSession()
  const resources = useQuery({ ...expectedCapacityQueries.resources(), enabled: !record })
  // Evidence: the participant's attachments (A20), uploaded here through the attachments kit.
  const evidenceOwner = useMemo(
    () => ({ ownerType: 'participant' as const, ownerId: session.participant.id }),
    [session.participant.id],
  )
  const evidence = useQuery(attachmentQueries.list(evidenceOwner))
  const start = initial ?? record ?? {}
  const [resourceId, setResourceId] = useState<string | null>(
    record?.resource.id ?? initial?.resourceId ?? null,
  )
  const givenYear = record?.deliveryYear ?? initial?.deliveryYear
  const openYear = useOpenDeliveryYear(givenYear === undefined)
  const [chosenYear, setDeliveryYear] = useState<number | undefined>(
    givenYear === undefined ? undefined : Number(givenYear),
  )
  // Until the participant chooses, the farthest year whose window is open (else FY+4).
  const deliveryYear = chosenYear ?? openYear
  const [afterAuction, setAfterAuction] = useState(initial?.afterAuction ?? false)
  const [overriding, setOverriding] = useState(Object.keys(start.overrides ?? {}).length > 0)
  const [overrides, setOverrides] = useState<ExpectedCapacityOverrides>(start.overrides ?? {})
  const [evidenceIds, setEvidenceIds] = useState<string[]>(start.evidenceAttachmentIds ?? [])
  const [note, setNote] = useState(start.note ?? '')
  const [confirming, setConfirming] = useState(false)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus()
  }, [confirming])
  // A file uploaded while the form is open is the evidence of this application: chosen at once.
  const known = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (!evidence.data) return
    const ids = evidence.data.map((a) => a.id)
    const before = known.current
    known.current = new Set(ids)
    if (!before) return
    const added = ids.filter((id) => !before.has(id))
    if (added.length) setEvidenceIds((chosen) => [...chosen, ...added])
  }, [evidence.data])

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
    const common = {
      overrides: effective,
      evidenceAttachmentIds: overriding ? evidenceIds : [],
      note,
    }
    try {
      await onFile(
        record
          ? { ...common, afterAuction }
          : { ...common, resourceId: resourceId ?? '', deliveryYear },
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

  // The window of the year filed for (the change after the auction needs none).
  const banner = afterAuction ? null : <WindowBanner deliveryYear={deliveryYear} />

  if (confirming && resource && calculation.data) {
    return (
      <Stack gap="md" data-testid="ec-confirm">
        {banner}
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="sm">
            <Title
              order={headingOrder}
              className="yoryo-section-title"
              ref={confirmHeading}
              tabIndex={-1}
            >
              {t('expectedCapacity.form.confirmTitle')}
            </Title>
            <Text fz="sm">
              {confirmDescription ?? t('expectedCapacity.form.confirmDescription')}
            </Text>
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
        {error ? <ApiErrorAlert error={error} /> : null}
        <Group justify="space-between">
          <Button variant="default" disabled={busy} onClick={() => setConfirming(false)}>
            {t('expectedCapacity.form.back')}
          </Button>
          <Button loading={busy} onClick={() => void submit()} data-testid="ec-submit">
            {fileLabel}
          </Button>
        </Group>
      </Stack>
    )
  }

  return (
    <Stack gap="md">
      {banner}
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
                maw="100%"
                data-testid="ec-evidence"
              />
              <AttachmentPanel ownerType="participant" ownerId={session.participant.id} />
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
      {error ? <ApiErrorAlert error={error} /> : null}
      <Group justify={cancel ? 'space-between' : 'flex-end'}>
        {cancel}
        <Button
          onClick={() => setConfirming(true)}
          disabled={!calculation.data || calculation.data.expectedKw === null}
          data-testid="ec-confirm-button"
        >
          {t('expectedCapacity.form.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}
