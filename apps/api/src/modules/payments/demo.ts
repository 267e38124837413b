/**
 * Demo payments (`pnpm start`, once, after the demo settlement): P00001's payment notice of the
 * demo month is paid in full by the operator (bank reference `DEMO-<month>-P00001`), so a
 * newcomer finds a paid notice beside the open items of the other participants. Runs again
 * without effect.
 */
import { jstToday } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import type { Actor } from '../../lib/audit.ts'
import { demoAssessmentMonth } from '../assessment-basis/public.ts'
import { allocateIn, createPaymentIn } from './service.ts'

export async function seedDemoPayments(db: Db, now: Date = new Date()): Promise<string | null> {
  const month = demoAssessmentMonth(now)
  const notice = await db.settlementDocument.findFirst({
    where: { month, kind: 'paymentNotice', participantCode: 'P00001', total: { gt: 0 } },
    orderBy: { documentNo: 'asc' },
  })
  if (!notice) return null
  const bankReference = `DEMO-${month}-P00001`
  const done = await db.payment.findUnique({
    where: { direction_bankReference: { direction: 'paid', bankReference } },
    select: { id: true },
  })
  if (done) return done.id
  const system: Actor = { userId: null, label: 'system', requestId: `demo:payments:${month}` }
  // Paid on the day of the first start (the documents were issued the same day).
  const valueDate = jstToday(now)
  return db.$transaction(async (tx) => {
    const payment = await createPaymentIn(
      tx,
      system,
      {
        direction: 'paid',
        participantId: notice.participantId,
        amount: Number(notice.total),
        valueDate,
        bankReference,
        counterpartyName: notice.participantName,
        memo: notice.documentNo,
      },
      { source: 'manual' },
    )
    await allocateIn(tx, system, payment, [{ documentId: notice.id, amount: Number(notice.total) }])
    return payment.id
  })
}
