import { slotTimeRange } from '@yoryo/contracts'

/** A 30-minute slot as shown on every assessment screen: `00:00–00:30` (JST). */
export function slotTime(slot: number): string {
  const { start, end } = slotTimeRange(slot)
  return `${start}–${end}`
}
