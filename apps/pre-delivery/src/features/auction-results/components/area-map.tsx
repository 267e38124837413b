import { Box } from '@mantine/core'
import type { Area, AreaResultView } from '@yoryo/contracts'
import { formatNumber, useTranslation } from '@yoryo/ui'

/** Where each area sits on the schematic (viewBox 320 × 300): a box per area, no real shapes. */
const LAYOUT: Record<Area, { x: number; y: number; w: number; h: number }> = {
  hokkaido: { x: 218, y: 8, w: 94, h: 56 },
  tohoku: { x: 226, y: 76, w: 70, h: 74 },
  tokyo: { x: 226, y: 162, w: 70, h: 50 },
  chubu: { x: 148, y: 166, w: 70, h: 50 },
  hokuriku: { x: 148, y: 104, w: 70, h: 50 },
  kansai: { x: 98, y: 176, w: 44, h: 58 },
  chugoku: { x: 26, y: 160, w: 66, h: 44 },
  shikoku: { x: 60, y: 242, w: 70, h: 36 },
  kyushu: { x: 4, y: 214, w: 50, h: 78 },
}

const LINKS: [Area, Area][] = [
  ['hokkaido', 'tohoku'],
  ['tohoku', 'tokyo'],
  ['tokyo', 'chubu'],
  ['chubu', 'hokuriku'],
  ['chubu', 'kansai'],
  ['hokuriku', 'kansai'],
  ['kansai', 'chugoku'],
  ['kansai', 'shikoku'],
  ['chugoku', 'shikoku'],
  ['chugoku', 'kyushu'],
]

const centre = (area: Area) => {
  const b = LAYOUT[area]
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 }
}

/** Colours of split blocks, in the order the blocks are listed. */
const BLOCK_FILLS = ['#fde2c8', '#f9d0e0', '#d9d2f5', '#cdeccd']

/**
 * The nine areas as a schematic map (SVG, no tiles, no network): each area's price, split blocks
 * coloured, the interconnections as lines. The area table beside it carries the same values.
 */
export function AreaMap({ areas }: { areas: readonly AreaResultView[] }) {
  const { t } = useTranslation()
  const blocks = [...new Set(areas.flatMap((a) => (a.blockId ? [a.blockId] : [])))]
  return (
    <Box
      component="svg"
      viewBox="0 0 320 300"
      role="img"
      aria-label={`${t('auctionResults.areas.mapTitle')}: ${areas
        .map((a) => `${t(`auctionResults.area.${a.area}`)} ${formatNumber(a.price)}`)
        .join('、')}`}
      style={{ width: '100%', maxWidth: 420, height: 'auto', display: 'block' }}
      data-testid="area-map"
    >
      <title>{t('auctionResults.areas.mapTitle')}</title>
      {LINKS.map(([a, b]) => {
        const p = centre(a)
        const q = centre(b)
        return (
          <line
            key={`${a}-${b}`}
            x1={p.x}
            y1={p.y}
            x2={q.x}
            y2={q.y}
            stroke="#9aa5b1"
            strokeWidth={2}
            strokeDasharray="4 3"
          />
        )
      })}
      {areas.map((a) => {
        const box = LAYOUT[a.area]
        const block = a.blockId ? blocks.indexOf(a.blockId) : -1
        const fill = block >= 0 ? BLOCK_FILLS[block % BLOCK_FILLS.length] : '#e3edf7'
        return (
          <g key={a.area} data-area={a.area} data-split={a.blockId ? 'true' : 'false'}>
            <rect
              x={box.x}
              y={box.y}
              width={box.w}
              height={box.h}
              rx={6}
              fill={fill}
              stroke={block >= 0 ? '#c05621' : '#5b7a99'}
              strokeWidth={block >= 0 ? 2 : 1}
            />
            <text
              x={box.x + box.w / 2}
              y={box.y + box.h / 2 - 4}
              textAnchor="middle"
              fontSize={11}
              fill="#1a2b3c"
            >
              {t(`auctionResults.area.${a.area}`)}
            </text>
            <text
              x={box.x + box.w / 2}
              y={box.y + box.h / 2 + 12}
              textAnchor="middle"
              fontSize={11}
              fontWeight={700}
              fill="#1a2b3c"
            >
              {formatNumber(a.price)}
            </text>
          </g>
        )
      })}
    </Box>
  )
}
