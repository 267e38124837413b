import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  assessmentParameterValuesSchema,
  type AssessmentParameterSet,
  type AssessmentParameterValuesInput,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  MessageText,
  ValueRow,
  applyFieldErrors,
  formatDateTime,
  useFieldErrorText,
  useSession,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { assessmentBasisQueries, useChangeParameterSet, useCreateParameterSet } from '../api.ts'

const FIELDS = [
  'outageAllowanceDays',
  'unplannedOutageMultiplier',
  'supplyInstructionMultiplier',
  'reserveNoticeMultiplier',
  'expectedOrdersPerYear',
  'monthlyCapShare',
  'annualCapShare',
] as const

/** A share of A as a percentage: `0.183` → `18.3 %`. */
function percent(share: string): string {
  return `${String(Math.round(Number(share) * 1_000_000) / 10_000)} %`
}

/**
 * The parameters of a delivery year (rules.md §5): allowance, multipliers, expected orders and
 * caps. Participants read them; the operator stores the set from the defaults and changes it
 * (a new version). Months already assessed are named: their results change only on a re-run.
 */
export function ParameterSetPanel({ deliveryYear }: { deliveryYear: number }) {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const query = useQuery(assessmentBasisQueries.parameters(deliveryYear))
  const create = useCreateParameterSet()
  const [editing, setEditing] = useState(false)
  // What was just stored (I-ABAS-001 created from the defaults, I-ABAS-002 changed).
  const [done, setDone] = useState<{
    id: 'I-ABAS-001' | 'I-ABAS-002'
    params: Record<string, number>
  }>()
  const set = query.data
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="abas-parameters">
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Title order={2} className="yoryo-section-title">
            {t('assessmentBasis.parameters.title', { year: deliveryYear })}
          </Title>
          {isOperator && set ? (
            set.version === null ? (
              <Button
                size="sm"
                variant="light"
                loading={create.isPending}
                onClick={() =>
                  create.mutate(deliveryYear, {
                    onSuccess: () => setDone({ id: 'I-ABAS-001', params: { deliveryYear } }),
                  })
                }
                data-testid="abas-create-set"
              >
                {t('assessmentBasis.parameters.create')}
              </Button>
            ) : (
              <Button
                size="sm"
                variant="light"
                onClick={() => setEditing(true)}
                data-testid="abas-change-set"
              >
                {t('assessmentBasis.parameters.change')}
              </Button>
            )
          ) : null}
        </Group>
        {query.error ? <ApiErrorAlert error={query.error} /> : null}
        {create.error ? <ApiErrorAlert error={create.error} /> : null}
        {done ? <MessageAlert id={done.id} params={done.params} /> : null}
        {set ? (
          <>
            <Text fz="sm" c="dimmed" data-testid="abas-set-version">
              {set.version === null
                ? t('assessmentBasis.parameters.defaults')
                : t('assessmentBasis.parameters.version', {
                    version: set.version,
                    at: set.updatedAt ? formatDateTime(set.updatedAt) : '',
                  })}
            </Text>
            {isOperator && set.assessedMonths.length ? (
              <MessageAlert id="W-ABAS-001" params={{ months: set.assessedMonths.join(', ') }} />
            ) : null}
            <ParameterValues set={set} />
          </>
        ) : null}
      </Stack>
      {set && set.version !== null ? (
        <ParameterSetDialog
          set={set}
          opened={editing}
          onClose={() => setEditing(false)}
          onChanged={(version) =>
            setDone({ id: 'I-ABAS-002', params: { deliveryYear: set.deliveryYear, version } })
          }
        />
      ) : null}
    </Paper>
  )
}

function ParameterValues({ set }: { set: AssessmentParameterSet }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="abas-set-values">
      <dl className="yoryo-dl-table">
        <ValueRow
          label={t('assessmentBasis.fields.outageAllowanceDays')}
          value={t('assessmentBasis.days', { days: set.outageAllowanceDays })}
        />
        <ValueRow
          label={t('assessmentBasis.fields.unplannedOutageMultiplier')}
          value={`× ${set.unplannedOutageMultiplier}`}
        />
        <ValueRow
          label={t('assessmentBasis.fields.supplyInstructionMultiplier')}
          value={`× ${set.supplyInstructionMultiplier}`}
        />
        <ValueRow
          label={t('assessmentBasis.fields.reserveNoticeMultiplier')}
          value={`× ${set.reserveNoticeMultiplier}`}
        />
      </dl>
      <dl className="yoryo-dl-table">
        <ValueRow
          label={t('assessmentBasis.fields.expectedOrdersPerYear')}
          value={t('assessmentBasis.times', { count: set.expectedOrdersPerYear })}
        />
        <ValueRow
          label={t('assessmentBasis.fields.monthlyCapShare')}
          value={percent(set.monthlyCapShare)}
        />
        <ValueRow
          label={t('assessmentBasis.fields.annualCapShare')}
          value={percent(set.annualCapShare)}
        />
      </dl>
    </SimpleGrid>
  )
}

function ParameterSetDialog({
  set,
  opened,
  onClose,
  onChanged,
}: {
  set: AssessmentParameterSet
  opened: boolean
  onClose: () => void
  onChanged: (version: number) => void
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const change = useChangeParameterSet(set.deliveryYear)
  const form = useForm<AssessmentParameterValuesInput>({
    resolver: zodResolver(assessmentParameterValuesSchema, { error: zodIssueToMessage }),
    values: {
      outageAllowanceDays: set.outageAllowanceDays,
      unplannedOutageMultiplier: set.unplannedOutageMultiplier,
      supplyInstructionMultiplier: set.supplyInstructionMultiplier,
      reserveNoticeMultiplier: set.reserveNoticeMultiplier,
      expectedOrdersPerYear: set.expectedOrdersPerYear,
      monthlyCapShare: set.monthlyCapShare,
      annualCapShare: set.annualCapShare,
    },
  })
  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await change.mutateAsync({
        ...assessmentParameterValuesSchema.parse(values),
        version: set.version ?? 1,
      })
      onChanged(saved.version ?? set.version ?? 1)
      onClose()
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS)
    }
  })
  const field = (name: (typeof FIELDS)[number], hint?: string) => (
    <TextInput
      label={t(`assessmentBasis.fields.${name}`)}
      description={hint}
      inputMode="decimal"
      w={260}
      {...form.register(name)}
      error={fieldErrorText(form.formState.errors[name])}
      data-testid={`abas-field-${name}`}
    />
  )
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('assessmentBasis.parameters.changeTitle', { year: set.deliveryYear })}
      size="lg"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text fz="sm">{t('assessmentBasis.parameters.changeDescription')}</Text>
          {set.assessedMonths.length ? (
            <Alert color="orange" data-testid="abas-rerun-warning">
              <MessageText id="W-ABAS-001" params={{ months: set.assessedMonths.join(', ') }} />
            </Alert>
          ) : null}
          {change.error ? <ApiErrorAlert error={change.error} /> : null}
          {field('outageAllowanceDays', t('assessmentBasis.hints.days'))}
          <Group gap="md" align="flex-start">
            {field('unplannedOutageMultiplier')}
            {field('supplyInstructionMultiplier')}
            {field('reserveNoticeMultiplier')}
          </Group>
          {field('expectedOrdersPerYear')}
          <Group gap="md" align="flex-start">
            {field('monthlyCapShare', t('assessmentBasis.hints.share'))}
            {field('annualCapShare', t('assessmentBasis.hints.annualShare'))}
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="abas-save-set">
              {t('assessmentBasis.parameters.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
