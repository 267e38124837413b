import { DAY_MS, fiscalYearOf } from '@yoryo/contracts'
import { nextNumber, type Db } from '@yoryo/db'

/**
 * The demo notices (A30), posted by the operator: an important one to everyone, one to P00001
 * only and a maintenance announcement. Runs once after the demo data was created (`pnpm start`);
 * returns how many it created (none when notices exist already).
 */
export async function seedDemoNotices(db: Db, now = new Date()): Promise<number> {
  if ((await db.notice.count()) > 0) return 0
  const operator = await db.user.findFirst({
    where: { role: 'operator' },
    orderBy: { userId: 'asc' },
  })
  const p1 = await db.participant.findUnique({ where: { code: 'P00001' }, select: { id: true } })
  const notices = [
    {
      title: '実需給期間向け機能の提供開始について',
      body: [
        '本日より、容量市場システムの実需給期間向け機能をご利用いただけます。',
        '',
        '・おしらせ（本画面）',
        '・ファイル項目一覧、一括登録様式サンプル',
        '',
        'ご不明な点は、広域機関 容量市場担当までお問い合わせください。',
      ].join('\n'),
      category: 'important',
      audience: 'all',
      publishAt: new Date(now.getTime() - 2 * DAY_MS),
      participantIds: [] as string[],
    },
    {
      title: '容量停止計画の提出期限のお知らせ',
      body: [
        '貴社の電源等について、翌月分の容量停止計画の提出期限が近づいています。',
        '期限までに容量停止計画（B00）から登録してください。',
      ].join('\n'),
      category: 'info',
      audience: 'participants',
      publishAt: new Date(now.getTime() - DAY_MS),
      participantIds: p1 ? [p1.id] : [],
    },
    {
      title: '定期メンテナンスによるサービス停止のお知らせ',
      body: [
        '下記の日時に定期メンテナンスを行います。この間はシステムをご利用いただけません。',
        '',
        '停止予定：毎月第2日曜日 0:00〜6:00',
      ].join('\n'),
      category: 'maintenance',
      audience: 'all',
      publishAt: new Date(now.getTime() - 3 * 60 * 60 * 1000),
      participantIds: [] as string[],
    },
  ]
  const year = fiscalYearOf(now)
  await db.$transaction(async (tx) => {
    for (const n of notices) {
      if (n.audience === 'participants' && n.participantIds.length === 0) continue
      const no = await nextNumber(tx, `notice:${year}`)
      await tx.notice.create({
        data: {
          noticeNo: `N${year}-${String(no).padStart(6, '0')}`,
          title: n.title,
          body: n.body,
          category: n.category,
          audience: n.audience,
          publishAt: n.publishAt,
          createdBy: operator?.id ?? null,
          createdByName: operator?.name ?? '広域機関',
          recipients: { create: n.participantIds.map((participantId) => ({ participantId })) },
        },
      })
    }
  })
  return db.notice.count()
}
