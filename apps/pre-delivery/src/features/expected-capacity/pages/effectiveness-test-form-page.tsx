import { Button, Group, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { EFFECTIVENESS_TEST_SLOT_COUNT, jstDateOf } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DateField,
  MessageAlert,
  Page,
  ValueRow,
  canEditGroup,
  formatDate,
  formatNumber,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { expectedCapacityQueries, useCreateEffectivenessTest } from '../api.ts'

const SLOTS = Array.from({ length: EFFECTIVENESS_TEST_SLOT_COUNT }, (_, i) => i)

/**
 * 824 実効性テスト結果の登録 (`/effectiveness-tests/new`): a dispatch-order resource, the test
 * date, the instructed kW and the six slot values; 確認, then the API computes the achievement
 * rate (never typed) and the list shows it.
 */
export function EffectivenessTestFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const resources = useQuery(expectedCapacityQueries.resources('dispatchOrder'))
  const create = useCreateEffectivenessTest()
  const [resourceId, setResourceId] = useState<string | null>(null)
  const [testDate, setTestDate] = useState<string>(jstDateOf(new Date()))
  const [instructedKw, setInstructedKw] = useState<number | ''>('')
  const [delivered, setDelivered] = useState<(number | '')[]>(SLOTS.map(() => ''))
  const [confirming, setConfirming] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) heading.current?.focus()
  }, [confirming])
  const resource = resources.data?.items.find((r) => r.id === resourceId)
  const complete =
    !!resource && !!testDate && instructedKw !== '' && delivered.every((v) => v !== '')

  const save = async () => {
    try {
      const created = await create.mutateAsync({
        resourceId: resourceId ?? '',
        testDate,
        instructedKw: Number(instructedKw),
        deliveredKw: delivered.map(Number),
      })
      void navigate(
        '/effectiveness-tests',
        noticeState({
          id: 'I-EC-001',
          params: { resourceCode: created.resource.code, rate: created.achievementRateText },
        }),
      )
    } catch {
      setConfirming(false)
    }
  }

  if (!canEditGroup(session, '070') || session.user.role === 'operator') {
    return (
      <Page functionCode="824" title={t('effectivenessTests.form.title')}>
        <MessageAlert id="E-AUTH-005" />
      </Page>
    )
  }
  return (
    <Page
      functionCode="824"
      title={t('effectivenessTests.form.title')}
      description={t('effectivenessTests.form.description')}
    >
      <Stack gap="md">
        {confirming && resource ? (
          <Paper withBorder p="md" className="yoryo-panel" data-testid="et-confirm">
            <Stack gap="sm">
              <Title order={2} className="yoryo-section-title" ref={heading} tabIndex={-1}>
                {t('effectivenessTests.form.confirmTitle')}
              </Title>
              <dl className="yoryo-dl-table">
                <ValueRow
                  label={t('effectivenessTests.fields.resource')}
                  value={`${resource.code} ${resource.name}`}
                />
                <ValueRow
                  label={t('effectivenessTests.fields.testDate')}
                  value={formatDate(testDate)}
                />
                <ValueRow
                  label={t('effectivenessTests.fields.instructedKw')}
                  value={formatNumber(Number(instructedKw))}
                />
                <ValueRow
                  label={t('effectivenessTests.fields.deliveredKw')}
                  value={delivered.map((v) => formatNumber(Number(v))).join(' / ')}
                />
              </dl>
              <Group justify="space-between">
                <Button
                  variant="default"
                  disabled={create.isPending}
                  onClick={() => setConfirming(false)}
                >
                  {t('effectivenessTests.form.back')}
                </Button>
                <Button
                  loading={create.isPending}
                  onClick={() => void save()}
                  data-testid="et-submit"
                >
                  {t('effectivenessTests.form.submit')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : null}
        {create.error ? <ApiErrorAlert error={create.error} /> : null}
        <Paper withBorder p="md" className="yoryo-panel" hidden={confirming}>
          <Stack gap="md" data-testid="et-form">
            <Group align="flex-start" gap="md">
              <Select
                label={t('effectivenessTests.fields.resource')}
                data={(resources.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.code} ${r.name}`,
                }))}
                value={resourceId}
                onChange={setResourceId}
                searchable
                required
                w={420}
                nothingFoundMessage={t('effectivenessTests.form.noResources')}
                data-testid="et-resource"
              />
              <DateField
                label={t('effectivenessTests.fields.testDate')}
                value={testDate}
                onChange={(v) => setTestDate(v ?? '')}
                required
                data-testid="et-date"
              />
              <NumberInput
                label={t('effectivenessTests.fields.instructedKw')}
                value={instructedKw}
                onChange={(v) => setInstructedKw(typeof v === 'number' ? v : '')}
                min={1}
                allowDecimal={false}
                thousandSeparator=","
                required
                w={160}
                data-testid="et-instructed"
              />
            </Group>
            <Text fz="sm" fw={700}>
              {t('effectivenessTests.fields.deliveredKw')}
            </Text>
            <Group gap="sm">
              {SLOTS.map((i) => (
                <NumberInput
                  key={i}
                  label={t('effectivenessTests.fields.slot', { n: i + 1 })}
                  value={delivered[i]}
                  onChange={(v) =>
                    setDelivered((d) =>
                      d.map((x, j) => (j === i ? (typeof v === 'number' ? v : '') : x)),
                    )
                  }
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  required
                  w={120}
                  data-testid={`et-slot-${i + 1}`}
                />
              ))}
            </Group>
            <Group justify="flex-end">
              <Button
                disabled={!complete}
                onClick={() => {
                  create.reset()
                  setConfirming(true)
                }}
                data-testid="et-confirm-button"
              >
                {t('effectivenessTests.form.confirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Page>
  )
}
