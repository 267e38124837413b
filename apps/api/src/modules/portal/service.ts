import type { FastifyInstance } from 'fastify'
import { DAY_MS, type PendingTask, type Portal } from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { reviewQueueCounts } from '../applications/public.ts'
import { passwordExpiresAt } from '../auth/public.ts'
import { certificateExpiryTasks } from '../client-certificates/public.ts'

/** Windows opening within this many days are shown as upcoming. */
const UPCOMING_DAYS = 30
/** A password expiring within this many days gives a task. */
const PASSWORD_WARNING_DAYS = 14
/** A window closing within this many days gives a task. */
const DEADLINE_WARNING_DAYS = 7

export async function portalFor(app: FastifyInstance, auth: AuthContext): Promise<Portal> {
  const now = new Date()
  const rows = await app.db.marketWindow.findMany({
    where: {
      closesAt: { gt: now },
      opensAt: { lt: new Date(now.getTime() + UPCOMING_DAYS * DAY_MS) },
    },
    orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
  })
  const windows = rows.map((w) => ({
    id: w.id,
    kind: w.kind,
    function: w.function,
    titleJa: w.titleJa,
    titleEn: w.titleEn,
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
    state: w.opensAt <= now ? ('open' as const) : ('upcoming' as const),
  }))

  const tasks: PendingTask[] = []
  const expires = passwordExpiresAt(auth.user.passwordChangedAt)
  if (expires.getTime() - now.getTime() < PASSWORD_WARNING_DAYS * DAY_MS) {
    tasks.push({
      kind: 'passwordExpiry',
      messageId: 'W-AUTH-001',
      params: { expiresAt: expires.toISOString() },
      function: '010',
      dueAt: expires.toISOString(),
    })
  }
  for (const w of windows) {
    if (
      w.state === 'open' &&
      new Date(w.closesAt).getTime() - now.getTime() < DEADLINE_WARNING_DAYS * DAY_MS
    ) {
      tasks.push({
        kind: 'deadline',
        messageId: 'W-SYSTEM-001',
        params: { title: w.titleJa, titleEn: w.titleEn, closesAt: w.closesAt },
        function: w.function,
        dueAt: w.closesAt,
      })
    }
  }
  tasks.push(...(await certificateExpiryTasks(app, auth, now)))
  let reviewQueue: Portal['reviewQueue'] = null
  if (auth.user.role === 'operator') {
    const counts = await reviewQueueCounts(app)
    reviewQueue = { submitted: counts.submitted ?? 0, inReview: counts.inReview ?? 0 }
  }
  return { windows, tasks, reviewQueue }
}
