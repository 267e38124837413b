import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  areas,
  fiscalYearOf,
  generationTypes,
  type AdjustmentFactorRow,
  type Area,
  type DispatchOrderFactorRow,
  type FactorTable,
  type GenerationType,
} from '@yoryo/contracts'
import { ApiErrorAlert, MessageAlert, Page, useSession, useTranslation } from '@yoryo/ui'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { expectedCapacityQueries, useCreateFactorTable } from '../api.ts'
import { FactorRows } from '../components/factor-rows.tsx'

/**
 * 070 係数表の改定 (`/factor-tables/new`, operator): the version in force loaded as the starting
 * point; factors edited, rows added (a new area, type or year) and removed; the changes are
 * counted on 確認; saving adds a version that supersedes it.
 */
export function FactorTableFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const current = useQuery(expectedCapacityQueries.factorTable('current'))
  return (
    <Page
      functionCode="070"
      title={t('factorTables.form.title')}
      description={t('factorTables.form.description')}
    >
      {session.user.role !== 'operator' ? (
        <MessageAlert id="E-AUTH-005" />
      ) : current.data ? (
        <FactorTableForm current={current.data} />
      ) : current.isPending ? (
        <Skeleton h={320} />
      ) : (
        <ApiErrorAlert error={current.error} />
      )}
    </Page>
  )
}

type Factor = number | ''
type Adjustment = Omit<AdjustmentFactorRow, 'factor'> & { factor: Factor }
type DispatchOrder = Omit<DispatchOrderFactorRow, 'factor'> & { factor: Factor }
const adjustmentKey = (r: Omit<Adjustment, 'factor'>) =>
  `${r.area}/${r.generationType}/${r.deliveryYear}`
const dispatchOrderKey = (r: Omit<DispatchOrder, 'factor'>) => `${r.area}/${r.deliveryYear}`

/** How many rows differ from the version in force: changed, added or removed. */
function changes<R extends { factor: Factor }>(
  before: readonly R[],
  after: readonly R[],
  key: (r: R) => string,
): number {
  const old = new Map(before.map((r) => [key(r), r.factor]))
  const kept = after.filter((r) => old.has(key(r))).length
  return (
    after.filter((r) => !old.has(key(r)) || old.get(key(r)) !== r.factor).length +
    (before.length - kept)
  )
}

function FactorTableForm({ current }: { current: FactorTable }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateFactorTable()
  const [adjustmentFactors, setAdjustment] = useState<Adjustment[]>(current.adjustmentFactors)
  const [dispatchOrderFactors, setDispatchOrder] = useState<DispatchOrder[]>(
    current.dispatchOrderFactors,
  )
  const [note, setNote] = useState('')
  const [confirming, setConfirming] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) heading.current?.focus()
  }, [confirming])
  const changed =
    changes(current.adjustmentFactors, adjustmentFactors, adjustmentKey) +
    changes(current.dispatchOrderFactors, dispatchOrderFactors, dispatchOrderKey)
  const incomplete = [...adjustmentFactors, ...dispatchOrderFactors].some((r) => r.factor === '')

  const setFactor = (key: string, factor: Factor) => {
    const [list, index] = key.split('.') as [string, string]
    const update = <R extends { factor: Factor }>(rows: R[]) =>
      rows.map((r, i) => (i === Number(index) ? { ...r, factor } : r))
    if (list === 'adjustmentFactors') setAdjustment(update)
    else setDispatchOrder(update)
  }
  const remove = (key: string) => {
    const [list, index] = key.split('.') as [string, string]
    const without = <R,>(rows: R[]) => rows.filter((_, i) => i !== Number(index))
    if (list === 'adjustmentFactors') setAdjustment(without)
    else setDispatchOrder(without)
  }

  const save = async () => {
    try {
      const created = await create.mutateAsync({
        note,
        adjustmentFactors: adjustmentFactors as AdjustmentFactorRow[],
        dispatchOrderFactors: dispatchOrderFactors as DispatchOrderFactorRow[],
      })
      void navigate(`/factor-tables/${created.id}`)
    } catch {
      setConfirming(false)
    }
  }

  return (
    <Stack gap="md">
      {confirming ? (
        <Paper withBorder p="md" className="yoryo-panel" data-testid="factor-confirm">
          <Stack gap="sm">
            <Title order={2} className="yoryo-section-title" ref={heading} tabIndex={-1}>
              {t('factorTables.form.confirmTitle')}
            </Title>
            <Text fz="sm">
              {t('factorTables.form.confirmDescription', {
                changed,
                versionNo: current.versionNo + 1,
              })}
            </Text>
            <Group justify="space-between">
              <Button
                variant="default"
                disabled={create.isPending}
                onClick={() => setConfirming(false)}
              >
                {t('factorTables.form.back')}
              </Button>
              <Button
                loading={create.isPending}
                onClick={() => void save()}
                data-testid="factor-submit"
              >
                {t('factorTables.form.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {create.error ? <ApiErrorAlert error={create.error} /> : null}
      <Stack gap="md" hidden={confirming}>
        <TextInput
          label={t('factorTables.fields.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={200}
          w={480}
          maw="100%"
          data-testid="factor-note"
        />
        <FactorRows
          adjustmentFactors={adjustmentFactors}
          dispatchOrderFactors={dispatchOrderFactors}
          onRemove={remove}
          add={{
            adjustment: (
              <AddRow
                withGenerationType
                taken={(r) => adjustmentFactors.some((a) => adjustmentKey(a) === adjustmentKey(r))}
                onAdd={(r) => setAdjustment((rows) => [...rows, r])}
                testId="factor-add-adjustment"
              />
            ),
            dispatchOrder: (
              <AddRow
                taken={(r) =>
                  dispatchOrderFactors.some((a) => dispatchOrderKey(a) === dispatchOrderKey(r))
                }
                onAdd={({ area, deliveryYear, factor }) =>
                  setDispatchOrder((rows) => [...rows, { area, deliveryYear, factor }])
                }
                testId="factor-add-dispatch-order"
              />
            ),
          }}
          cell={(factor, key) => (
            <NumberInput
              size="xs"
              w={110}
              ml="auto"
              min={0}
              max={1}
              step={0.0001}
              decimalScale={4}
              value={factor}
              onChange={(v) => setFactor(key, typeof v === 'number' ? v : '')}
              aria-label={t('factorTables.fields.factor')}
              data-testid={`factor-${key}`}
            />
          )}
        />
        {changed === 0 && confirming ? (
          <Text c="dimmed">{t('factorTables.form.noChanges')}</Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            onClick={() => setConfirming(true)}
            disabled={incomplete || (changed === 0 && note.trim() === '')}
          >
            {t('factorTables.form.confirm')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  )
}

/** The controls adding a row: area, generation type (adjustment factors), year and factor. */
function AddRow({
  withGenerationType = false,
  taken,
  onAdd,
  testId,
}: {
  withGenerationType?: boolean
  taken: (row: Omit<Adjustment, 'factor'>) => boolean
  onAdd: (row: Adjustment) => void
  testId: string
}) {
  const { t } = useTranslation()
  const [area, setArea] = useState<Area | null>(null)
  const [generationType, setGenerationType] = useState<GenerationType | null>(null)
  const [deliveryYear, setDeliveryYear] = useState<number | ''>(fiscalYearOf(new Date()) + 4)
  const [factor, setFactor] = useState<number | ''>('')
  const row =
    area && deliveryYear !== '' && factor !== '' && (generationType || !withGenerationType)
      ? { area, generationType: generationType ?? 'solar', deliveryYear, factor }
      : null
  const duplicate = row !== null && taken(row)
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('factorTables.fields.area')}
          data={areas.map((a) => ({ value: a, label: t(`resources.area.${a}`) }))}
          value={area}
          onChange={(v) => setArea(v as Area | null)}
          w={140}
        />
        {withGenerationType ? (
          <Select
            label={t('factorTables.fields.generationType')}
            data={generationTypes.map((g) => ({
              value: g,
              label: t(`resources.generationType.${g}`),
            }))}
            value={generationType}
            onChange={(v) => setGenerationType(v as GenerationType | null)}
            searchable
            w={200}
          />
        ) : null}
        <NumberInput
          label={t('factorTables.fields.deliveryYear')}
          value={deliveryYear}
          onChange={(v) => setDeliveryYear(typeof v === 'number' ? v : '')}
          min={2020}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          w={120}
        />
        <NumberInput
          label={t('factorTables.fields.factor')}
          value={factor}
          onChange={(v) => setFactor(typeof v === 'number' ? v : '')}
          min={0}
          max={1}
          step={0.0001}
          decimalScale={4}
          w={120}
        />
        <Button
          variant="default"
          disabled={!row || duplicate}
          onClick={() => {
            if (!row) return
            onAdd(row)
            setFactor('')
          }}
        >
          {t('factorTables.form.addRow')}
        </Button>
      </Group>
      {duplicate ? <MessageAlert id="E-EC-003" /> : null}
    </Stack>
  )
}
