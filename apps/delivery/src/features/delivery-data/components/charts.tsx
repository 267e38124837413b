import type { DispatchOrderSlot, MeteredSlot } from '@yoryo/contracts'
import { formatNumber, useTranslation } from '@yoryo/ui'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

/**
 * The charts of the delivery-data screens, loaded on their own (recharts stays out of the other
 * screens' chunks). Each screen shows the same values in a table beside the chart.
 */

const kwTick = (v: number) => formatNumber(v)
const HEIGHT = 280

/** B60: the average kW of the 48 slots of a day as bars (x: the slot's start time). */
export function MeteredDayChart({ slots }: { slots: readonly MeteredSlot[] }) {
  const { t } = useTranslation()
  const data = slots.map((s) => ({ time: s.time.slice(0, 5), kw: s.averageKw ?? 0 }))
  return (
    <div style={{ width: '100%', height: HEIGHT }} data-testid="metered-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Every three hours; on a narrow screen recharts drops the ticks that would overlap. */}
          <XAxis
            dataKey="time"
            ticks={data.filter((_, i) => i % 6 === 0).map((d) => d.time)}
            interval="preserveStartEnd"
            minTickGap={8}
            tick={{ fontSize: 12 }}
          />
          <YAxis tickFormatter={kwTick} width={72} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(value) => [
              `${formatNumber(Number(value))} kW`,
              t('deliveryData.metered.averageKw'),
            ]}
          />
          <Bar dataKey="kw" fill="#1c7ed6" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

/** C10: the baseline against the actual over the ordered slots. */
export function DispatchOrderChart({ slots }: { slots: readonly DispatchOrderSlot[] }) {
  const { t } = useTranslation()
  const data = slots.map((s) => ({
    time: s.time.slice(0, 5),
    baseline: s.baselineKw,
    actual: s.actualKw,
  }))
  return (
    <div style={{ width: '100%', height: HEIGHT }} data-testid="order-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="time" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={kwTick} width={72} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => `${formatNumber(Number(value))} kW`} />
          <Legend verticalAlign="top" />
          <Line
            name={t('deliveryData.orders.baselineKw')}
            dataKey="baseline"
            stroke="#868e96"
            strokeDasharray="6 4"
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            name={t('deliveryData.orders.actualKw')}
            dataKey="actual"
            stroke="#1c7ed6"
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
