import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cancelApplicationSchema, participantProfileSchema } from '@yoryo/contracts'
import { createParticipant } from '@yoryo/db/factories'
import type { Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { profile } from '../../test/fixtures.ts'
import { defineEntityHandler, EntityHandlers } from './handler.ts'
import { createApplication, transition } from './service.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const actor: Actor = { userId: null, label: 'test', requestId: 'test-request' }

/** A registry with a participant handler whose change needs a window and whose hooks record calls. */
function testHandlers(calls: string[]) {
  const handlers = new EntityHandlers()
  handlers.register(
    defineEntityHandler({
      entityType: 'participant',
      functionGroup: '030',
      async current(tx, entityId) {
        const p = await tx.participant.findUnique({ where: { id: entityId } })
        return p ? { values: { name: p.name }, version: p.version } : null
      },
      kinds: {
        change: {
          schema: participantProfileSchema,
          window: 'testParticipantChange',
          apply: async () => {
            throw new Error('not approved in this test')
          },
          onReturn: async (_tx, application) => {
            calls.push(`return ${application.proposed.name}`)
          },
          onWithdraw: async (_tx, application) => {
            calls.push(`withdraw ${application.proposed.name}`)
          },
        },
        cancel: {
          schema: cancelApplicationSchema,
          apply: async () => {
            throw new Error('not approved in this test')
          },
          onReject: async (_tx, application) => {
            calls.push(`reject ${application.proposed.reason}`)
          },
        },
      },
    }),
  )
  return handlers
}

/** The app with the test registry in place of the built one. */
const withHandlers = (handlers: EntityHandlers): FastifyInstance =>
  Object.create(t.app, { entityHandlers: { value: handlers } }) as FastifyInstance

async function file(handlers: EntityHandlers, kind: 'change' | 'cancel', submit: boolean) {
  const p = await createParticipant(t.database.prisma, profile())
  return t.database.prisma.$transaction((tx) =>
    createApplication(tx, handlers, actor, {
      kind,
      entityType: 'participant',
      entityId: p.id,
      participantId: p.id,
      proposed: kind === 'change' ? profile({ name: '窓口 電力' }) : { reason: '撤退' },
      submit,
      lang: 'ja',
    }),
  )
}

describe('defineEntityHandler: windows and hooks of an application kind', () => {
  it('refuses to submit outside the kind’s window, stating the window, and accepts inside it', async () => {
    const handlers = testHandlers([])
    const none = await file(handlers, 'change', true).catch((e: unknown) => e)
    expect(none).toBeInstanceOf(AppError)
    expect((none as AppError).messageId).toBe('E-APP-005')

    const day = 86_400_000
    await t.database.prisma.marketWindow.create({
      data: {
        kind: 'testParticipantChange',
        function: '030',
        titleJa: '事業者情報変更受付',
        titleEn: 'participant changes',
        opensAt: new Date(Date.now() + day),
        closesAt: new Date(Date.now() + 2 * day),
      },
    })
    const early = await file(handlers, 'change', true).catch((e: unknown) => e)
    expect((early as AppError).messageId).toBe('E-APP-004')
    expect((early as AppError).params.window).toBe('事業者情報変更受付')
    // A draft may be kept at any time; only submitting is refused.
    const draft = await file(handlers, 'change', false)
    expect(draft.state).toBe('draft')
    // A kind without a window is accepted at any time.
    expect((await file(handlers, 'cancel', true)).state).toBe('submitted')

    await t.database.prisma.marketWindow.create({
      data: {
        kind: 'testParticipantChange',
        function: '030',
        titleJa: '事業者情報変更受付',
        titleEn: 'participant changes',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + day),
      },
    })
    expect((await file(handlers, 'change', true)).state).toBe('submitted')
  })

  it('runs the return, reject and withdraw hooks with the typed proposal, in the transition', async () => {
    const calls: string[] = []
    const handlers = testHandlers(calls)
    const app = withHandlers(handlers)
    // The operator as the workflow sees it (only its role and rights matter here).
    const operatorCaller = {
      auth: {
        user: { role: 'operator' },
        participant: { id: '' },
        permissions: [{ functionGroup: '030', canView: true, canEdit: true }],
      },
    } as unknown as Parameters<typeof transition>[1]

    const change = await file(handlers, 'change', true)
    await transition(
      app,
      operatorCaller,
      actor,
      change,
      'startReview',
      { comment: '', version: 1 },
      'ja',
    )
    const reviewed = await t.database.prisma.application.findUniqueOrThrow({
      where: { id: change.id },
      include: { events: true },
    })
    await transition(
      app,
      operatorCaller,
      actor,
      reviewed,
      'return',
      { comment: '修正', version: 2 },
      'ja',
    )

    const cancel = await file(handlers, 'cancel', true)
    await transition(
      app,
      operatorCaller,
      actor,
      cancel,
      'startReview',
      { comment: '', version: 1 },
      'ja',
    )
    const cancelReviewed = await t.database.prisma.application.findUniqueOrThrow({
      where: { id: cancel.id },
      include: { events: true },
    })
    await transition(
      app,
      operatorCaller,
      actor,
      cancelReviewed,
      'reject',
      { comment: '不可', version: 2 },
      'ja',
    )

    const returned = await t.database.prisma.application.findUniqueOrThrow({
      where: { id: change.id },
      include: { events: true },
    })
    await transition(
      app,
      { publicApplicant: true },
      actor,
      returned,
      'withdraw',
      { comment: '', version: 3 },
      'ja',
    )
    expect(calls).toEqual(['return 窓口 電力', 'reject 撤退', 'withdraw 窓口 電力'])
  })
})
