/**
 * The money side of a settlement document (F10, shown on F00 too): its due date (支払期日), what
 * is paid and open, its state and whether it is overdue. Apart from payments.ts so that the
 * settlement's schemas (which payments.ts builds on) can carry it too.
 */
import { z } from 'zod'
import type { Labels } from './labels.ts'

const yen = z.number().int()

export const paymentItemStates = ['open', 'partlyPaid', 'paid'] as const
export const paymentItemStateSchema = z
  .enum(paymentItemStates)
  .describe('open 未決済 · partlyPaid 一部決済 · paid 決済済 (open amount 0)')
  .meta({ id: 'PaymentItemState' })
export type PaymentItemState = z.infer<typeof paymentItemStateSchema>
export const paymentItemStateLabels: Labels<PaymentItemState> = {
  open: { ja: '未決済', en: 'Open' },
  partlyPaid: { ja: '一部決済', en: 'Partly paid' },
  paid: { ja: '決済済', en: 'Paid' },
}

// ───────────────────────── Due dates and states ─────────────────────────

/**
 * 支払期日 of a settlement document: the last day (JST) of the second month after its delivery
 * month (2026-11 → 2027-01-31), for payment notices and invoices alike.
 */
export function paymentDueDate(month: string, _kind?: 'paymentNotice' | 'invoice'): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  // Day 0 of month m + 3 (1-based) is the last day of month m + 2.
  const last = new Date(Date.UTC(y, m + 2, 0))
  return last.toISOString().slice(0, 10)
}

/** The latest delivery month whose documents are overdue on `today` (JST date): 3 months back. */
export function lastOverdueMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 - 3, 1))
  return d.toISOString().slice(0, 7)
}

export function paymentItemStateOf(total: number, paid: number): PaymentItemState {
  if (paid >= total) return 'paid'
  return paid > 0 ? 'partlyPaid' : 'open'
}

/** The money side of a settlement document (F10 open items; also on F00). */
export const paymentStatusSchema = z.object({
  dueDate: z.string().describe('支払期日: last day (JST) of the second month after the month'),
  paid: yen.describe('Σ allocations of payments not reversed'),
  openAmount: yen.describe('total − paid'),
  paymentState: paymentItemStateSchema,
  overdue: z.boolean().describe('open amount > 0 and the due date has passed (JST today)'),
})
export type PaymentStatus = z.infer<typeof paymentStatusSchema>
