import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  outagePeriodIssues,
  outagePlanReasons,
  type OutagePlan,
  type OutagePlanChangeInput,
  type OutagePlanReason,
  type OutagePlanRegisterInput,
} from '@yoryo/contracts'
import { ApiErrorAlert, MessageText } from '../messages/message-text.tsx'
import { DateTimeField } from '../forms/date-field.tsx'
import { ValueRow } from '../participants/profile-view.tsx'
import {
  formatDateTime,
  formatNumber,
  fromJstInputValue,
  toJstInputValue,
} from '../format/format.ts'
import { useTranslation } from 'react-i18next'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { outagePlanQueries } from './api.ts'
import { AllowancePanel } from './allowance-panel.tsx'
import { useOutagePlanFunction } from './function.tsx'
import { OutageWindowBanner } from './window-banner.tsx'

/** What the form files: a registration's values, or a change's of `record`. */
export type OutagePlanProposed = OutagePlanRegisterInput | OutagePlanChangeInput

export interface OutagePlanFormProps {
  /** The plan a change is filed on; null for a registration. */
  record: OutagePlan | null
  /** The values to start from (a returned application's, when it is corrected). */
  initial?: Partial<OutagePlanRegisterInput>
  onFile: (proposed: OutagePlanProposed) => Promise<void>
  busy: boolean
  error: unknown
  fileLabel: string
  confirmDescription?: string
  cancel?: ReactNode
  headingOrder?: 2 | 3
}

/**
 * The outage plan form (180 / B00 register / change): the contracted resource of a delivery year (its
 * contract kW shown), start and end in JST on 30-minute steps, reduced kW, reason; the allowance
 * gauge updates as the plan is typed (what it adds, the year with it, the penalty coming); 確認
 * lists it before it is filed. The register / change screens and the correction of a returned
 * application use it.
 */
export function OutagePlanForm({
  record,
  initial,
  onFile,
  busy,
  error,
  fileLabel,
  confirmDescription,
  cancel,
  headingOrder = 2,
}: OutagePlanFormProps) {
  const { t } = useTranslation()
  const fn = useOutagePlanFunction()
  const start: Partial<OutagePlanRegisterInput> = initial ?? record ?? {}
  const [deliveryYear, setDeliveryYear] = useState<number>(
    record?.deliveryYear ?? Number(initial?.deliveryYear ?? fn.defaultYear(new Date())),
  )
  const [resourceId, setResourceId] = useState<string | null>(
    record?.resource.id ?? initial?.resourceId ?? null,
  )
  const [startText, setStartText] = useState(toJstInputValue(start.startAt ?? ''))
  const [endText, setEndText] = useState(toJstInputValue(start.endAt ?? ''))
  const [reducedKw, setReducedKw] = useState<number | ''>(start.reducedKw ?? '')
  const [reason, setReason] = useState<OutagePlanReason | null>(
    (start.reason as OutagePlanReason | undefined) ?? null,
  )
  const [note, setNote] = useState(start.note ?? '')
  const [confirming, setConfirming] = useState(false)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus()
  }, [confirming])

  const validYear = deliveryYear >= 2020 && deliveryYear <= 2100
  const resources = useQuery({
    ...outagePlanQueries.resources(deliveryYear),
    enabled: !record && validYear,
  })
  const chosen = resources.data?.items.find((r) => r.resource.id === resourceId)
  const resource = record?.resource ?? chosen?.resource
  const contractKw = record?.contractKw ?? chosen?.contractKw

  const startAt = fromJstInputValue(startText)
  const endAt = fromJstInputValue(endText)
  const issues = startAt && endAt ? outagePeriodIssues(deliveryYear, startAt, endAt) : []
  const issueOf = (path: 'startAt' | 'endAt') => {
    const found = issues.filter((i) => i.path === path)
    return found.length ? (
      <>
        {found.map((i) => (
          <span key={i.messageId}>
            <MessageText id={i.messageId} params={i.params} />{' '}
          </span>
        ))}
      </>
    ) : undefined
  }
  const kwError =
    typeof reducedKw === 'number' && contractKw !== undefined && reducedKw > contractKw ? (
      <MessageText id="E-OUT-004" params={{ reducedKw, contractKw }} />
    ) : undefined
  const complete =
    !!resource &&
    !!startAt &&
    !!endAt &&
    issues.length === 0 &&
    typeof reducedKw === 'number' &&
    reducedKw >= 1 &&
    !kwError &&
    !!reason

  const allowance = useQuery({
    ...outagePlanQueries.allowance({
      resourceId: resource?.id ?? '',
      deliveryYear,
      ...(complete && startAt && endAt && typeof reducedKw === 'number'
        ? { startAt, endAt, reducedKw, ...(record ? { planId: record.id } : {}) }
        : {}),
    }),
    enabled: !!resource && validYear,
  })

  const proposed = (): OutagePlanProposed => {
    const values = {
      deliveryYear,
      startAt: startAt ?? '',
      endAt: endAt ?? '',
      reducedKw: typeof reducedKw === 'number' ? reducedKw : 0,
      reason: reason ?? 'other',
      note,
    }
    return record ? values : { ...values, resourceId: resourceId ?? '' }
  }
  const submit = async () => {
    try {
      await onFile(proposed())
    } catch {
      setConfirming(false)
    }
  }

  const banner = <OutageWindowBanner deliveryYear={deliveryYear} />
  const gauge = allowance.data ? <AllowancePanel allowance={allowance.data} /> : null

  if (confirming && resource && startAt && endAt) {
    return (
      <Stack gap="md" data-testid="op-confirm">
        {banner}
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="sm">
            <Title
              order={headingOrder}
              className="yoryo-section-title"
              ref={confirmHeading}
              tabIndex={-1}
            >
              {t('outagePlans.form.confirmTitle')}
            </Title>
            <Text fz="sm">{confirmDescription ?? t('outagePlans.form.confirmDescription')}</Text>
            <dl className="yoryo-dl-table">
              {record ? (
                <ValueRow label={t('outagePlans.fields.planNo')} value={record.planNo} />
              ) : null}
              <ValueRow
                label={t('outagePlans.fields.resource')}
                value={`${resource.code} ${resource.name}`}
              />
              <ValueRow
                label={t('outagePlans.fields.deliveryYear')}
                value={t('outagePlans.fiscalYear', { year: deliveryYear })}
              />
              <ValueRow label={t('outagePlans.fields.startAt')} value={formatDateTime(startAt)} />
              <ValueRow label={t('outagePlans.fields.endAt')} value={formatDateTime(endAt)} />
              <ValueRow
                label={t('outagePlans.fields.reducedKw')}
                value={`${formatNumber(Number(reducedKw))} kW / ${formatNumber(contractKw)} kW`}
              />
              <ValueRow
                label={t('outagePlans.fields.reason')}
                value={reason ? t(`outagePlans.reason.${reason}`) : ''}
              />
              <ValueRow label={t('outagePlans.fields.note')} value={note} emptyText="—" />
            </dl>
          </Stack>
        </Paper>
        {gauge}
        {error ? <ApiErrorAlert error={error} /> : null}
        <Group justify="space-between">
          <Button variant="default" disabled={busy} onClick={() => setConfirming(false)}>
            {t('outagePlans.form.back')}
          </Button>
          <Button loading={busy} onClick={() => void submit()} data-testid="op-submit">
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
        <Stack gap="md" data-testid="op-form">
          <Text fz="sm" c="dimmed">
            {t('outagePlans.form.description')}
          </Text>
          {record ? (
            <dl className="yoryo-dl-table">
              <ValueRow label={t('outagePlans.fields.planNo')} value={record.planNo} />
              <ValueRow
                label={t('outagePlans.fields.resource')}
                value={`${record.resource.code} ${record.resource.name}`}
              />
              <ValueRow
                label={t('outagePlans.fields.deliveryYear')}
                value={t('outagePlans.fiscalYear', { year: record.deliveryYear })}
              />
              <ValueRow
                label={t('outagePlans.fields.contractKw')}
                value={`${formatNumber(record.contractKw)} kW`}
              />
            </dl>
          ) : (
            <Group align="flex-start" gap="md" wrap="wrap">
              <NumberInput
                label={t('outagePlans.fields.deliveryYear')}
                value={deliveryYear}
                onChange={(v) => {
                  setDeliveryYear(typeof v === 'number' ? v : Number(v))
                  setResourceId(null)
                }}
                min={2020}
                max={2100}
                allowDecimal={false}
                thousandSeparator=""
                required
                w={160}
                data-testid="op-year"
              />
              <Select
                label={t('outagePlans.fields.resource')}
                placeholder={t('outagePlans.form.chooseResource')}
                data={(resources.data?.items ?? []).map((r) => ({
                  value: r.resource.id,
                  label: `${r.resource.code} ${r.resource.name}`,
                }))}
                value={resourceId}
                onChange={setResourceId}
                searchable
                required
                w={420}
                maw="100%"
                nothingFoundMessage={t('outagePlans.form.noResources')}
                data-testid="op-resource"
              />
              {chosen ? (
                <Stack gap={0} data-testid="op-contract-kw">
                  <Text fz="sm" fw={500}>
                    {t('outagePlans.fields.contractKw')}
                  </Text>
                  <Text fz="lg" className="yoryo-figures">
                    {formatNumber(chosen.contractKw)} kW
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {chosen.contractNos.join(', ')}
                  </Text>
                </Stack>
              ) : null}
            </Group>
          )}
          <Group align="flex-start" gap="md" wrap="wrap">
            <DateTimeField
              label={t('outagePlans.fields.startAt')}
              description={t('outagePlans.form.stepHint')}
              value={startText}
              onChange={setStartText}
              error={issueOf('startAt')}
            />
            <DateTimeField
              label={t('outagePlans.fields.endAt')}
              description={t('outagePlans.form.stepHint')}
              value={endText}
              onChange={setEndText}
              error={issueOf('endAt')}
            />
          </Group>
          <Group align="flex-start" gap="md" wrap="wrap">
            <NumberInput
              label={t('outagePlans.fields.reducedKw')}
              value={reducedKw}
              onChange={(v) => setReducedKw(typeof v === 'number' ? v : '')}
              min={1}
              max={contractKw}
              allowDecimal={false}
              thousandSeparator=","
              required
              w={200}
              error={kwError}
              data-testid="op-kw"
            />
            <Select
              label={t('outagePlans.fields.reason')}
              data={outagePlanReasons.map((r) => ({
                value: r,
                label: t(`outagePlans.reason.${r}`),
              }))}
              value={reason}
              onChange={(v) => setReason(v as OutagePlanReason | null)}
              required
              w={200}
              data-testid="op-reason"
            />
          </Group>
          <Textarea
            label={t('outagePlans.fields.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        </Stack>
      </Paper>
      {gauge}
      {allowance.error ? <ApiErrorAlert error={allowance.error} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <Group justify={cancel ? 'space-between' : 'flex-end'}>
        {cancel}
        <Button
          onClick={() => setConfirming(true)}
          disabled={!complete}
          data-testid="op-confirm-button"
        >
          {t('outagePlans.form.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}
