import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import {
  jstDateOf,
  penaltyFactorTypes,
  type PenaltyFactor,
  type PenaltyFactorType,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DateField,
  MessageAlert,
  Page,
  formatNumber,
  useSession,
  useTranslation,
  useUnsavedChangesGuard,
} from '@yoryo/ui'
import { useEffect, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { penaltyQueries, useChangePenaltyFactor, useRegisterPenaltyFactor } from '../api.ts'
import { CalculationLines } from '../components/calculation-lines.tsx'

/**
 * 190 ペナルティ要素の登録・変更 (operator; `/penalty-factors/new`, `/penalty-factors/:id/edit`):
 * contract, type, kW, date, basis (and the amount for `other`), with the amount the rules
 * engine computes shown before saving. A change saves a new version (stale: 409).
 */
export function PenaltyFactorFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id } = useParams()
  const existing = useQuery({ ...penaltyQueries.detail(id ?? ''), enabled: !!id })
  if (session.user.role !== 'operator') {
    return (
      <Page functionCode="190" title={t('penaltyFactors.form.title')}>
        <MessageAlert id="E-AUTH-005" />
      </Page>
    )
  }
  if (id && existing.error) {
    return (
      <Page functionCode="190" title={t('penaltyFactors.form.changeTitle')}>
        <ApiErrorAlert error={existing.error} />
      </Page>
    )
  }
  if (id && !existing.data) {
    return (
      <Page functionCode="190" title={t('penaltyFactors.form.changeTitle')}>
        <Skeleton h={320} />
      </Page>
    )
  }
  return <PenaltyFactorForm key={existing.data?.id ?? 'new'} existing={existing.data ?? null} />
}

function PenaltyFactorForm({ existing }: { existing: PenaltyFactor | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  // The operator may pick from thousands of contracts: typing searches on the server.
  // The chosen option stays listed (its label in the box is not a search).
  const [contractSearch, setContractSearch] = useState('')
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null)
  const [debounced] = useDebouncedValue(contractSearch, 250)
  const searched = debounced === picked?.label ? '' : debounced.trim()
  const contracts = useQuery({
    ...penaltyQueries.contracts(searched),
    enabled: !existing,
    placeholderData: keepPreviousData,
  })
  const register = useRegisterPenaltyFactor()
  const change = useChangePenaltyFactor(existing?.id ?? '')
  const mutation = existing ? change : register
  const [contractId, setContractId] = useState<string | null>(existing?.contract?.id ?? null)
  const [factorType, setFactorType] = useState<PenaltyFactorType>(
    existing?.factorType ?? 'marketExit',
  )
  const [kw, setKw] = useState<number | ''>(existing?.kw ?? '')
  const [occurredOn, setOccurredOn] = useState(existing?.occurredOn ?? jstDateOf(new Date()))
  const [basis, setBasis] = useState(existing?.basis ?? '')
  const [givenAmount, setGivenAmount] = useState<number | ''>(
    existing?.factorType === 'other' ? existing.amount : '',
  )
  const isOther = factorType === 'other'
  const [savedId, setSavedId] = useState<string | null>(null)
  const dirty =
    savedId === null &&
    (contractId !== (existing?.contract?.id ?? null) ||
      factorType !== (existing?.factorType ?? 'marketExit') ||
      kw !== (existing?.kw ?? '') ||
      basis !== (existing?.basis ?? '') ||
      (isOther && givenAmount !== (existing?.factorType === 'other' ? existing.amount : '')))
  const guard = useUnsavedChangesGuard(dirty)
  // Leaves for the saved factor once the guard is off (after the render that turns it off).
  useEffect(() => {
    if (savedId) void navigate(`/penalty-factors/${savedId}`)
  }, [savedId, navigate])
  const body = {
    contractId: contractId ?? '',
    factorType,
    kw: kw === '' ? 0 : kw,
    occurredOn,
    ...(isOther && givenAmount !== '' ? { givenAmount } : {}),
  }
  const ready =
    !!contractId &&
    !!occurredOn &&
    (isOther ? givenAmount !== '' : factorType === 'siteListMissing' || kw !== '')
  const preview = useQuery({ ...penaltyQueries.calculation(body), enabled: ready && !existing })

  const save = async () => {
    const values = {
      factorType,
      kw: kw === '' ? 0 : kw,
      occurredOn,
      basis,
      ...(isOther && givenAmount !== '' ? { givenAmount } : {}),
    }
    const saved = existing
      ? await change.mutateAsync({ ...values, version: existing.version })
      : await register.mutateAsync({ ...values, contractId: contractId ?? '' })
    setSavedId(saved.id)
  }

  const found = (contracts.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.participantCode} ${t('penaltyFactors.form.contractOption', {
      contractNo: c.contractNo,
      resourceName: c.resourceName,
      kw: formatNumber(c.contractKw),
    })}`,
  }))
  const contractOptions =
    picked && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found

  return (
    <Page
      functionCode="190"
      title={t(existing ? 'penaltyFactors.form.changeTitle' : 'penaltyFactors.form.title')}
    >
      <Stack gap="md">
        {guard}
        {mutation.error ? <ApiErrorAlert error={mutation.error} /> : null}
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="md" data-testid="pen-form">
            {existing ? (
              <Text fz="sm">
                {t('penaltyFactors.form.contract')}: {existing.contract?.contractNo}{' '}
                {existing.resource.code} {existing.resource.name}
              </Text>
            ) : (
              <Select
                label={t('penaltyFactors.form.contract')}
                data={contractOptions}
                value={contractId}
                onChange={(value, option) => {
                  setContractId(value)
                  setPicked(value ? option : null)
                }}
                searchable
                searchValue={contractSearch}
                onSearchChange={setContractSearch}
                // The server has filtered already (also by resource code, not in the label).
                filter={({ options }) => options}
                required
                maw={560}
                nothingFoundMessage={t('penaltyFactors.form.noContracts')}
                data-testid="pen-contract-select"
              />
            )}
            <Group align="flex-start" gap="md">
              <Select
                label={t('penaltyFactors.fields.factorType')}
                data={penaltyFactorTypes.map((value) => ({
                  value,
                  label: t(`penaltyFactors.factorType.${value}`),
                }))}
                value={factorType}
                onChange={(v) => v && setFactorType(v as PenaltyFactorType)}
                allowDeselect={false}
                required
                w={220}
                data-testid="pen-type"
              />
              <NumberInput
                label={t('penaltyFactors.fields.kw')}
                value={kw}
                onChange={(v) => setKw(typeof v === 'number' ? v : '')}
                min={0}
                allowDecimal={false}
                thousandSeparator=","
                disabled={factorType === 'siteListMissing'}
                w={180}
                data-testid="pen-kw-input"
              />
              <DateField
                label={t('penaltyFactors.fields.occurredOn')}
                value={occurredOn}
                onChange={(v) => setOccurredOn(v ?? '')}
                required
                data-testid="pen-occurred"
              />
              {isOther ? (
                <NumberInput
                  label={t('penaltyFactors.fields.givenAmount')}
                  description={t('penaltyFactors.form.givenAmountHint')}
                  value={givenAmount}
                  onChange={(v) => setGivenAmount(typeof v === 'number' ? v : '')}
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  required
                  w={200}
                  data-testid="pen-given"
                />
              ) : null}
            </Group>
            <Text fz="sm" c="dimmed">
              {t('penaltyFactors.form.kwHint')}
            </Text>
            <Textarea
              label={t('penaltyFactors.fields.basis')}
              value={basis}
              onChange={(e) => setBasis(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              maxLength={2000}
              data-testid="pen-basis"
            />
            <Group justify="flex-end">
              <Button
                disabled={!ready || !basis.trim()}
                loading={mutation.isPending}
                onClick={() => void save().catch(() => undefined)}
                data-testid="pen-submit"
              >
                {t(existing ? 'penaltyFactors.form.save' : 'penaltyFactors.form.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {preview.error ? <ApiErrorAlert error={preview.error} /> : null}
        {preview.data && ready ? (
          <CalculationLines
            calculation={preview.data}
            title={t('penaltyFactors.form.preview')}
            testId="pen-preview"
          />
        ) : null}
      </Stack>
    </Page>
  )
}
