import type { CurvePoint } from '@yoryo/contracts'
import { formatNumber, useTranslation } from '@yoryo/ui'
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

const MAN = 10_000
const toChart = (points: readonly CurvePoint[]) =>
  points.map((p) => ({ x: p.kw / MAN, price: p.price }))

/**
 * The supply curve (bids by price, aggregated) against the demand curve, with the clearing
 * price. Loaded on its own (recharts stays out of the other screens' chunks).
 */
export function CurveChart({
  supply,
  demand,
  nationalPrice,
}: {
  supply: readonly CurvePoint[]
  demand: readonly CurvePoint[]
  nationalPrice: number
}) {
  const { t } = useTranslation()
  return (
    <div style={{ width: '100%', height: 360 }} data-testid="curve-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 24, bottom: 24, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, 'dataMax']}
            tickFormatter={(v: number) => formatNumber(Math.round(v))}
            label={{
              value: t('auctionResults.chart.xAxis'),
              position: 'insideBottom',
              offset: -12,
            }}
          />
          <YAxis
            type="number"
            dataKey="price"
            tickFormatter={(v: number) => formatNumber(v)}
            label={{
              value: t('auctionResults.chart.yAxis'),
              angle: -90,
              position: 'insideLeft',
              offset: 0,
            }}
            width={80}
          />
          <Tooltip
            formatter={(value) => formatNumber(Number(value))}
            labelFormatter={(label) => `${formatNumber(Math.round(Number(label)))} 万kW`}
          />
          <Legend verticalAlign="top" />
          <ReferenceLine
            y={nationalPrice}
            stroke="#c05621"
            strokeDasharray="6 4"
            label={{
              value: `${t('auctionResults.chart.nationalPrice')} ${formatNumber(nationalPrice)}`,
              position: 'insideTopLeft',
            }}
          />
          <Line
            name={t('auctionResults.chart.supply')}
            data={toChart(supply)}
            dataKey="price"
            stroke="#1c7ed6"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={t('auctionResults.chart.demand')}
            data={toChart(demand)}
            dataKey="price"
            stroke="#2f9e44"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
