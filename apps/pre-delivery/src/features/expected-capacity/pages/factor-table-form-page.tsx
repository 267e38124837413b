import {
  Button,
  Group,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { FactorTable } from '@yoryo/contracts'
import { ApiErrorAlert, MessageAlert, Page, useSession, useTranslation } from '@yoryo/ui'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { expectedCapacityQueries, useCreateFactorTable } from '../api.ts'
import { FactorRows } from '../components/factor-rows.tsx'

/**
 * 070 係数表の改定 (`/factor-tables/new`, operator): the version in force loaded as the starting
 * point; changed factors are counted on 確認; saving adds a version that supersedes it.
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

function FactorTableForm({ current }: { current: FactorTable }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateFactorTable()
  const [values, setValues] = useState<Record<string, number | ''>>({})
  const [note, setNote] = useState('')
  const [confirming, setConfirming] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) heading.current?.focus()
  }, [confirming])
  const valueOf = (key: string, original: number) => {
    const v = values[key]
    return v === undefined || v === '' ? original : v
  }
  const adjustmentFactors = current.adjustmentFactors.map((r, i) => ({
    ...r,
    factor: valueOf(`adjustmentFactors.${i}`, r.factor),
  }))
  const dispatchOrderFactors = current.dispatchOrderFactors.map((r, i) => ({
    ...r,
    factor: valueOf(`dispatchOrderFactors.${i}`, r.factor),
  }))
  const changed =
    adjustmentFactors.filter((r, i) => r.factor !== current.adjustmentFactors[i]?.factor).length +
    dispatchOrderFactors.filter((r, i) => r.factor !== current.dispatchOrderFactors[i]?.factor)
      .length

  const save = async () => {
    try {
      const created = await create.mutateAsync({ note, adjustmentFactors, dispatchOrderFactors })
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
          data-testid="factor-note"
        />
        <FactorRows
          adjustmentFactors={adjustmentFactors}
          dispatchOrderFactors={dispatchOrderFactors}
          cell={(factor, key) => (
            <NumberInput
              size="xs"
              w={110}
              ml="auto"
              min={0}
              max={1}
              step={0.0001}
              decimalScale={4}
              value={values[key] ?? factor}
              onChange={(v) => setValues((o) => ({ ...o, [key]: typeof v === 'number' ? v : '' }))}
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
            disabled={changed === 0 && note.trim() === ''}
          >
            {t('factorTables.form.confirm')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  )
}
