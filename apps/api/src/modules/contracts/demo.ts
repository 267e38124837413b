/**
 * Demo contracts (`pnpm start`, once, after the demo auctions): the published demo auction's
 * contracts are drafted by its publication; here P00001 confirms most of its own (their contract
 * documents issued) and asks for a correction of one, so every screen of 130 has something to
 * show. The last of its contracts stays a draft to confirm.
 */
import type { Db } from '@yoryo/db'
import type { Actor } from '../../lib/audit.ts'
import { confirmLocked, requestCorrectionLocked } from './service.ts'

export const DEMO_CORRECTION_REASON =
  '運転開始年月の登録に誤りがあり、経過措置控除率が異なると思われます。ご確認ください。'

export async function seedDemoContracts(
  db: Db,
  auctionId: string,
): Promise<{ confirmed: number; correctionRequested: number; draft: number }> {
  const participant = await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  const admin = await db.user.findFirstOrThrow({
    where: { participantId: participant.id, userId: 'admin01' },
  })
  const actor: Actor = {
    userId: admin.id,
    label: `${participant.code} ${admin.userId} ${admin.name}`,
    requestId: 'seed',
  }
  const contracts = await db.contract.findMany({
    where: { auctionId, participantId: participant.id, state: 'draft' },
    orderBy: { contractNo: 'asc' },
  })
  const [first, ...rest] = contracts
  const toConfirm = rest.length > 1 ? rest.slice(0, -1) : rest
  await db.$transaction(async (tx) => {
    if (first) await requestCorrectionLocked(tx, actor, first, DEMO_CORRECTION_REASON)
    for (const c of toConfirm) await confirmLocked(tx, actor, c)
  })
  return {
    confirmed: toConfirm.length,
    correctionRequested: first ? 1 : 0,
    draft: contracts.length - toConfirm.length - (first ? 1 : 0),
  }
}
