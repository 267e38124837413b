import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  deliveryMonths,
  monthsBetween,
  replacementInputSchema,
  type ReplacementInput,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  formatNumber,
  isShownOnFields,
  Page,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  useUnsavedChangesGuard,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useDeferredValue, useState } from 'react'
import { flushSync } from 'react-dom'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useNavigate } from 'react-router'
import { replacementQueries, useFileReplacement } from '../api.ts'
import { FreeCapacityTable } from '../components/free-capacity-table.tsx'

const FIELDS = [
  'contractId',
  'replacingResourceCode',
  'kw',
  'fromMonth',
  'toMonth',
  'reason',
] as const
const RESOURCE_CODE = /^0[1-9][SVAD]\d{7}$/

/**
 * 160 差替の申込: the contract giving capacity, the replacing resource (its code: from the board
 * or the counterparty), kW and months of the contract's delivery year, the reason. While filling,
 * the replacing resource's free capacity per month (and the contract's replaceable kW) is shown;
 * the API checks the same rules again (E-RPL-0xx with the numbers).
 */
export function ReplacementFormPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const fieldErrorText = useFieldErrorText()
  const contracts = useQuery(replacementQueries.contracts())
  const file = useFileReplacement()
  const form = useForm<ReplacementInput>({
    resolver: zodResolver(replacementInputSchema, { error: zodIssueToMessage }),
    defaultValues: {
      contractId: '',
      replacingResourceCode: '',
      kw: undefined as unknown as number,
      fromMonth: '',
      toMonth: '',
      reason: '',
    },
  })
  const { errors, isDirty } = form.formState
  const [filed, setFiled] = useState(false)
  const leaveGuard = useUnsavedChangesGuard(isDirty && !filed)
  const busy = file.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const [contractId, code, kw, fromMonth, toMonth] = useWatch({
    control: form.control,
    name: ['contractId', 'replacingResourceCode', 'kw', 'fromMonth', 'toMonth'],
  })
  const contract = contracts.data?.items.find((c) => c.id === contractId)
  const months = contract ? deliveryMonths(contract.deliveryYear) : []
  const resourceCode = useDeferredValue(code.trim())
  const inPeriod = new Set(fromMonth && toMonth ? monthsBetween(fromMonth, toMonth) : [])

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const replacement = await file.mutateAsync(values)
      // Filed: leaving is no longer losing input.
      flushSync(() => setFiled(true))
      void navigate(`/replacements/${replacement.id}`, { replace: true })
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })
  const monthOptions = months.map((m) => ({ value: m, label: m.replace('-', '/') }))
  const monthSelect = (name: 'fromMonth' | 'toMonth') => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={t(`replacements.fields.${name}`)}
          required
          data={monthOptions}
          disabled={!contract}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          value={field.value || null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          error={fieldErrorText(errors[name])}
          data-testid={`replacement-${name}`}
        />
      )}
    />
  )

  return (
    <Page functionCode="160" title={t('replacements.form.title')}>
      {leaveGuard}
      <form onSubmit={onSubmit} noValidate data-testid="replacement-form">
        <Stack gap="md" maw={960}>
          {file.error && !isShownOnFields(file.error, FIELDS) ? (
            <ApiErrorAlert error={file.error} />
          ) : null}
          {contracts.error ? <ApiErrorAlert error={contracts.error} /> : null}
          {contracts.data && contracts.data.items.length === 0 ? (
            <Alert color="yellow">{t('replacements.form.noContracts')}</Alert>
          ) : null}
          <fieldset disabled={busy} className="yoryo-fieldset">
            <Stack gap="sm">
              {contracts.data ? (
                <Controller
                  control={form.control}
                  name="contractId"
                  render={({ field }) => (
                    <Select
                      label={t('replacements.form.contract')}
                      required
                      searchable
                      data={contracts.data.items.map((c) => ({
                        value: c.id,
                        label: t('replacements.form.contractOption', {
                          contractNo: c.contractNo,
                          resourceCode: c.resourceCode,
                          kw: formatNumber(c.contractKw),
                        }),
                      }))}
                      comboboxProps={{ withinPortal: true }}
                      value={field.value || null}
                      onChange={(v) => {
                        field.onChange(v ?? '')
                        const chosen = contracts.data.items.find((c) => c.id === v)
                        if (chosen) {
                          const year = deliveryMonths(chosen.deliveryYear)
                          form.setValue('fromMonth', year[0] ?? '')
                          form.setValue('toMonth', year[11] ?? '')
                        }
                      }}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      name={field.name}
                      error={fieldErrorText(errors.contractId)}
                      data-testid="replacement-contractId"
                    />
                  )}
                />
              ) : (
                <Skeleton h={60} />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('replacements.form.replacingResourceCode')}
                  required
                  maxLength={10}
                  classNames={{ input: 'yoryo-code' }}
                  {...form.register('replacingResourceCode')}
                  error={fieldErrorText(errors.replacingResourceCode)}
                  data-testid="replacement-replacingResourceCode"
                />
                <Controller
                  control={form.control}
                  name="kw"
                  render={({ field }) => (
                    <NumberInput
                      label={t('replacements.fields.kw')}
                      required
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator=","
                      value={field.value ?? ''}
                      onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      name={field.name}
                      error={fieldErrorText(errors.kw)}
                      data-testid="replacement-kw"
                    />
                  )}
                />
                {monthSelect('fromMonth')}
                {monthSelect('toMonth')}
              </SimpleGrid>
              <Textarea
                label={t('replacements.fields.reason')}
                required
                autosize
                minRows={2}
                maxLength={1000}
                {...form.register('reason')}
                error={fieldErrorText(errors.reason)}
                data-testid="replacement-reason"
              />
            </Stack>
          </fieldset>
          {contract && RESOURCE_CODE.test(resourceCode) ? (
            <section aria-labelledby="replacement-free">
              <Title order={2} id="replacement-free" className="yoryo-section-title" mb="xs">
                {t('replacements.form.freeTitle')}
              </Title>
              <FreeCapacityTable
                resourceCode={resourceCode}
                deliveryYear={contract.deliveryYear}
                contractId={contractId}
                period={inPeriod}
                kw={typeof kw === 'number' ? kw : undefined}
              />
            </section>
          ) : null}
          <Group gap="xs">
            <Button type="submit" loading={busy} data-testid="replacement-submit">
              {t('replacements.form.submit')}
            </Button>
            <Button
              variant="default"
              onClick={() => void navigate('/replacements')}
              disabled={busy}
            >
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  )
}
