import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { areas, type Area, type AuctionParameters } from '@yoryo/contracts'
import { formatNumber, useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'

type Props = {
  value: AuctionParameters
  /** Absent: read only. */
  onChange?: (value: AuctionParameters) => void
}

/** A kW or yen cell: a number input when editing, the formatted number otherwise. */
function NumberCell({
  value,
  onChange,
  label,
  testId,
  step,
  decimals = 0,
  nullable = false,
  w = 150,
}: {
  value: number | null
  onChange?: (v: number | null) => void
  label: string
  testId?: string
  step?: number
  decimals?: number
  nullable?: boolean
  w?: number
}) {
  if (!onChange) {
    return <span className="yoryo-tabular">{value === null ? '—' : formatNumber(value)}</span>
  }
  return (
    <NumberInput
      size="xs"
      w={w}
      ml="auto"
      min={0}
      step={step}
      decimalScale={decimals}
      allowDecimal={decimals > 0}
      thousandSeparator=","
      value={value ?? ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : nullable ? null : 0)}
      aria-label={label}
      data-testid={testId}
    />
  )
}

function AreaCell({
  value,
  onChange,
  label,
}: {
  value: Area
  onChange?: (v: Area) => void
  label: string
}) {
  const { t } = useTranslation()
  if (!onChange) return <>{t(`resources.area.${value}`)}</>
  return (
    <NativeSelect
      size="xs"
      w={110}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as Area)}
      data={areas.map((a) => ({ value: a, label: t(`resources.area.${a}`) }))}
    />
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} className="yoryo-section-title">
        {title}
      </Title>
      {children}
    </Stack>
  )
}

/**
 * The clearing parameters of an auction (rules-api.md `ClearingInput` without bids, plus the
 * transitional deduction table): demand curve with a preview of its points, areas,
 * interconnections, adders (rows added and removed), dispatch-order cap, deduction table.
 */
export function ParametersEditor({ value, onChange }: Props) {
  const { t } = useTranslation()
  const edit = onChange
    ? (change: Partial<AuctionParameters>) => onChange({ ...value, ...change })
    : undefined
  const curve = value.demandCurve
  const setCurve = edit
    ? (key: keyof AuctionParameters['demandCurve']) => (v: number | null) =>
        edit({ demandCurve: { ...curve, [key]: v ?? 0 } })
    : () => undefined
  const curveFields = [
    ['priceCap', 0.5, 1],
    ['quantityAtCap', undefined, 0],
    ['netCone', undefined, 0],
    ['targetQuantity', undefined, 0],
    ['quantityAtZero', undefined, 0],
  ] as const
  const points: [string, number, number][] = [
    [t('auctions.parameters.points.zero'), 0, curve.priceCap],
    [t('auctions.parameters.points.cap'), curve.quantityAtCap, curve.priceCap],
    [t('auctions.parameters.points.target'), curve.targetQuantity, curve.netCone],
    [t('auctions.parameters.points.end'), curve.quantityAtZero, 0],
  ]
  const areaTotal = value.areas.reduce((s, a) => s + a.requiredKw, 0)
  const replace = <T,>(list: readonly T[], i: number, row: T) =>
    list.map((r, j) => (j === i ? row : r))

  return (
    <Stack gap="lg" data-testid="auction-parameters">
      <Section title={t('auctions.parameters.demandCurve')}>
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Table withTableBorder fz="sm" w="auto" data-testid="demand-curve">
            <Table.Tbody>
              {curveFields.map(([key, step, decimals]) => (
                <Table.Tr key={key}>
                  <Table.Th>{t(`auctions.parameters.${key}`)}</Table.Th>
                  <Table.Td ta="right">
                    <NumberCell
                      value={curve[key]}
                      onChange={edit ? setCurve(key) : undefined}
                      label={t(`auctions.parameters.${key}`)}
                      testId={`curve-${key}`}
                      step={step}
                      decimals={decimals}
                      w={170}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table withTableBorder striped fz="sm" w="auto" data-testid="demand-curve-points">
            <Table.Caption>{t('auctions.parameters.preview')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auctions.parameters.point')}</Table.Th>
                <Table.Th ta="right">{t('auctions.parameters.quantity')}</Table.Th>
                <Table.Th ta="right">{t('auctions.parameters.price')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map(([label, q, p]) => (
                <Table.Tr key={label}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right" className="yoryo-tabular">
                    {formatNumber(q)}
                  </Table.Td>
                  <Table.Td ta="right" className="yoryo-tabular">
                    {p.toLocaleString('ja-JP', { maximumFractionDigits: 1 })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
      </Section>

      <Section title={t('auctions.parameters.areas')}>
        <div className="yoryo-table-scroll">
          <Table withTableBorder striped fz="sm" w="auto" data-testid="parameters-areas">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auctions.parameters.area')}</Table.Th>
                <Table.Th ta="right">{t('auctions.parameters.requiredKw')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.areas.map((row, i) => (
                <Table.Tr key={row.area}>
                  <Table.Td>{t(`resources.area.${row.area}`)}</Table.Td>
                  <Table.Td ta="right">
                    <NumberCell
                      value={row.requiredKw}
                      label={`${t(`resources.area.${row.area}`)} ${t('auctions.parameters.requiredKw')}`}
                      onChange={
                        edit
                          ? (v) =>
                              edit({
                                areas: replace(value.areas, i, { ...row, requiredKw: v ?? 0 }),
                              })
                          : undefined
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th>{t('auctions.parameters.total')}</Table.Th>
                <Table.Td ta="right" className="yoryo-tabular" data-testid="areas-total">
                  {formatNumber(areaTotal)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      </Section>

      <Section title={t('auctions.parameters.interconnections')}>
        <div className="yoryo-table-scroll">
          <Table withTableBorder striped fz="sm" w="auto" data-testid="parameters-interconnections">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auctions.parameters.from')}</Table.Th>
                <Table.Th>{t('auctions.parameters.to')}</Table.Th>
                <Table.Th ta="right">{t('auctions.parameters.limitKw')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.interconnections.map((row, i) => (
                <Table.Tr key={`${row.from}-${row.to}`}>
                  <Table.Td>{t(`resources.area.${row.from}`)}</Table.Td>
                  <Table.Td>{t(`resources.area.${row.to}`)}</Table.Td>
                  <Table.Td ta="right">
                    <NumberCell
                      value={row.limitKw}
                      label={`${t(`resources.area.${row.from}`)}→${t(`resources.area.${row.to}`)} ${t('auctions.parameters.limitKw')}`}
                      onChange={
                        edit
                          ? (v) =>
                              edit({
                                interconnections: replace(value.interconnections, i, {
                                  ...row,
                                  limitKw: v ?? 0,
                                }),
                              })
                          : undefined
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Section>

      <Section title={t('auctions.parameters.adders')}>
        <div className="yoryo-table-scroll">
          <Table withTableBorder striped fz="sm" w="auto" data-testid="parameters-adders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auctions.parameters.area')}</Table.Th>
                <Table.Th>{t('auctions.parameters.adderLabel')}</Table.Th>
                <Table.Th ta="right">{t('auctions.parameters.kw')}</Table.Th>
                {edit ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.adders.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <AreaCell
                      value={row.area}
                      label={t('auctions.parameters.area')}
                      onChange={
                        edit
                          ? (area) => edit({ adders: replace(value.adders, i, { ...row, area }) })
                          : undefined
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    {edit ? (
                      <TextInput
                        size="xs"
                        w={220}
                        maxLength={100}
                        aria-label={t('auctions.parameters.adderLabel')}
                        value={row.label}
                        onChange={(e) =>
                          edit({
                            adders: replace(value.adders, i, {
                              ...row,
                              label: e.currentTarget.value,
                            }),
                          })
                        }
                      />
                    ) : (
                      row.label
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <NumberCell
                      value={row.kw}
                      label={t('auctions.parameters.kw')}
                      onChange={
                        edit
                          ? (v) =>
                              edit({ adders: replace(value.adders, i, { ...row, kw: v ?? 0 }) })
                          : undefined
                      }
                    />
                  </Table.Td>
                  {edit ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('auctions.parameters.removeRow')}
                        onClick={() => edit({ adders: value.adders.filter((_, j) => j !== i) })}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        {edit ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                edit({ adders: [...value.adders, { area: 'tokyo', kw: 0, label: '' }] })
              }
              data-testid="adder-add"
            >
              {t('auctions.parameters.addRow')}
            </Button>
          </Group>
        ) : null}
      </Section>

      <Section title={t('auctions.parameters.dispatchOrderCap')}>
        <Group gap="md" align="center">
          <Text fz="sm">{t('auctions.parameters.dispatchOrderCapKw')}</Text>
          <NumberCell
            value={value.dispatchOrderCapKw}
            nullable
            label={t('auctions.parameters.dispatchOrderCapKw')}
            testId="dispatch-order-cap"
            onChange={edit ? (v) => edit({ dispatchOrderCapKw: v }) : undefined}
          />
          {edit ? (
            <Text fz="xs" c="dimmed">
              {t('auctions.parameters.dispatchOrderCapHint')}
            </Text>
          ) : null}
        </Group>
      </Section>

      <Section title={t('auctions.parameters.deductionTable')}>
        <Table withTableBorder striped fz="sm" w="auto" data-testid="parameters-deductions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auctions.parameters.commissionedUpTo')}</Table.Th>
              <Table.Th ta="right">{t('auctions.parameters.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.deductionTable.map((row, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {row.commissionedUpTo === null
                    ? t('auctions.parameters.anyYear')
                    : t('auctions.fiscalYear', { year: row.commissionedUpTo })}
                </Table.Td>
                <Table.Td ta="right">
                  <NumberCell
                    value={row.rate}
                    label={t('auctions.parameters.rate')}
                    step={0.01}
                    decimals={4}
                    w={110}
                    onChange={
                      edit
                        ? (v) =>
                            edit({
                              deductionTable: replace(value.deductionTable, i, {
                                ...row,
                                rate: v ?? 0,
                              }),
                            })
                        : undefined
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  )
}
