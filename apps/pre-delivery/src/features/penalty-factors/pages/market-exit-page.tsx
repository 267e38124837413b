import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { marketExitScopes, type MarketExitScope } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  canEditGroup,
  formatNumber,
  useSession,
  useTranslation,
  useUnsavedChangesGuard,
} from '@yoryo/ui'
import { useEffect, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { penaltyQueries, useFileMarketExit } from '../api.ts'
import { CalculationLines } from '../components/calculation-lines.tsx'

/**
 * 190 市場退出の申込 (`/penalty-factors/exit`, `?contractId=` to start from a contract): pick a
 * contract, all or part, the kW and the reason; the penalty that applies if filed today is shown
 * before filing. The operator reviews it as an application (entity type `marketExit`).
 */
export function MarketExitPage() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const [search] = useSearchParams()
  const contracts = useQuery(penaltyQueries.contracts())
  const file = useFileMarketExit()
  const [contractId, setContractId] = useState<string | null>(search.get('contractId'))
  const [scope, setScope] = useState<MarketExitScope>('all')
  const [partKw, setPartKw] = useState<number | ''>('')
  const [reason, setReason] = useState('')
  const [filedId, setFiledId] = useState<string | null>(null)
  const dirty = (scope !== 'all' || partKw !== '' || reason !== '') && filedId === null
  const guard = useUnsavedChangesGuard(dirty)
  // Leaves for the filed application once the guard is off (after the render that turns it off).
  useEffect(() => {
    if (filedId) void navigate(`/applications/${filedId}`)
  }, [filedId, navigate])
  const contract = contracts.data?.items.find((c) => c.id === contractId)
  const kw = scope === 'all' ? (contract?.contractKw ?? 0) : partKw === '' ? 0 : partKw
  const ready = !!contract && kw > 0
  const preview = useQuery({
    ...penaltyQueries.calculation({ contractId: contractId ?? '', factorType: 'marketExit', kw }),
    enabled: ready,
  })

  if (session.user.role === 'operator' || !canEditGroup(session, '190')) {
    return (
      <Page functionCode="190" title={t('penaltyFactors.exitForm.title')}>
        <MessageAlert id="E-AUTH-005" />
      </Page>
    )
  }
  const submit = async () => {
    const application = await file.mutateAsync({
      contractId: contractId ?? '',
      scope,
      kw,
      reason,
    })
    setFiledId(application.id)
  }
  return (
    <Page
      functionCode="190"
      title={t('penaltyFactors.exitForm.title')}
      description={t('penaltyFactors.exitForm.description')}
    >
      <Stack gap="md">
        {guard}
        {contracts.error ? <ApiErrorAlert error={contracts.error} /> : null}
        {file.error ? <ApiErrorAlert error={file.error} /> : null}
        <Paper withBorder p="md" className="yoryo-panel">
          <Stack gap="md" data-testid="exit-form">
            <Select
              label={t('penaltyFactors.exitForm.contract')}
              data={(contracts.data?.items ?? []).map((c) => ({
                value: c.id,
                label: t('penaltyFactors.form.contractOption', {
                  contractNo: c.contractNo,
                  resourceName: c.resourceName,
                  kw: formatNumber(c.contractKw),
                }),
              }))}
              value={contractId}
              onChange={setContractId}
              searchable
              required
              maw={560}
              nothingFoundMessage={t('penaltyFactors.exitForm.noContracts')}
              data-testid="exit-contract"
            />
            <Stack gap={4}>
              <Text fz="sm" fw={500}>
                {t('penaltyFactors.exitForm.scope')}
              </Text>
              <SegmentedControl
                value={scope}
                onChange={(v) => setScope(v as MarketExitScope)}
                data={marketExitScopes.map((value) => ({
                  value,
                  label: t(`penaltyFactors.scope.${value}`),
                }))}
                w="fit-content"
                data-testid="exit-scope"
              />
            </Stack>
            <NumberInput
              label={t('penaltyFactors.exitForm.kw')}
              description={
                contract
                  ? t('penaltyFactors.exitForm.contractKw', {
                      kw: formatNumber(contract.contractKw),
                    })
                  : undefined
              }
              value={scope === 'all' ? (contract?.contractKw ?? '') : partKw}
              onChange={(v) => setPartKw(typeof v === 'number' ? v : '')}
              disabled={scope === 'all'}
              min={1}
              max={contract ? contract.contractKw - 1 : undefined}
              allowDecimal={false}
              thousandSeparator=","
              required
              w={220}
              data-testid="exit-kw"
            />
            <Textarea
              label={t('penaltyFactors.exitForm.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              maxLength={2000}
              data-testid="exit-reason"
            />
          </Stack>
        </Paper>
        {preview.error ? <ApiErrorAlert error={preview.error} /> : null}
        {preview.data && ready ? (
          <CalculationLines
            calculation={preview.data}
            title={t('penaltyFactors.exitForm.penalty')}
            testId="exit-penalty"
          />
        ) : null}
        <Group justify="flex-end">
          <Button
            disabled={!ready || !reason.trim() || !!preview.error}
            loading={file.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="exit-submit"
          >
            {t('penaltyFactors.exitForm.submit')}
          </Button>
        </Group>
      </Stack>
    </Page>
  )
}
