import { fiscalYearOf, replacementPostingInputSchema } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import { postingExpiry } from './board.ts'

/**
 * Demo postings on the replacement board (140) for the published demo auction's delivery year
 * (FY+3, the year of the demo contracts): an offer of P00002 and a request of P00001, so the
 * board is not empty at `pnpm start`. Runs once after the demo data was created; returns how many
 * it created (none when postings exist already).
 */
export async function seedDemoPostings(db: Db, now = new Date()): Promise<number> {
  if ((await db.replacementPosting.count()) > 0) return 0
  const year = fiscalYearOf(now) + 3
  const participants = await db.participant.findMany({
    where: { code: { in: ['P00001', 'P00002'] } },
    select: { id: true, code: true },
  })
  const idOf = (code: string) => participants.find((p) => p.code === code)?.id
  const postings = [
    {
      participant: 'P00002',
      values: {
        postingType: 'offer',
        area: 'tokyo',
        kind: 'stable',
        kw: 5_000,
        fromMonth: `${year}-07`,
        toMonth: `${year}-09`,
        contact: '電源調達部 差替担当 03-1234-5678 sashikae@example.jp',
        note: '夏季の差替先として提供できます。ガスタービン、東京エリア。',
      },
    },
    {
      participant: 'P00001',
      values: {
        postingType: 'request',
        area: 'tokyo',
        kind: null,
        kw: 3_000,
        fromMonth: `${year}-10`,
        toMonth: `${year}-11`,
        contact: '発電計画グループ 06-0000-1111 keikaku@example.jp',
        note: '定期点検に伴い、差替先を募集します。電源等の区分は問いません。',
      },
    },
  ]
  let created = 0
  for (const p of postings) {
    const participantId = idOf(p.participant)
    if (!participantId) continue
    const values = replacementPostingInputSchema.parse(p.values)
    await db.replacementPosting.create({
      data: {
        participantId,
        postingType: values.postingType,
        area: values.area,
        kind: values.kind,
        kw: values.kw,
        fromMonth: values.fromMonth,
        toMonth: values.toMonth,
        contact: values.contact,
        note: values.note,
        expiresAt: postingExpiry(values, now),
      },
    })
    created++
  }
  return created
}
