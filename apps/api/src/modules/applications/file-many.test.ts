import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { resourceKinds } from '@yoryo/contracts'
import { createResource, resourceExample } from '@yoryo/db/factories'
import type { Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { defineEntityHandler, EntityHandlers } from './handler.ts'
import { createApplication, createApplications, type ApplicationFiling } from './service.ts'

/**
 * `createApplications` (bulk files) writes the same rows as `createApplication` (the screens):
 * one application filed each way, compared row by row.
 */

let t: TestContext
let participantId: string
beforeAll(async () => {
  t = await createTestApp()
  participantId = (await t.app.db.participant.findFirstOrThrow({ where: { code: 'P00001' } })).id
})
afterAll(async () => {
  await t.close()
})

const actor: Actor = { userId: null, label: 'P00001 admin01 佐藤 花子', requestId: 'req-file-many' }

/** What both ways must write alike: the application, its events and its audit entries. */
async function written(id: string) {
  const app = await t.app.db.application.findUniqueOrThrow({
    where: { id },
    include: { events: true },
  })
  const audits = await t.app.db.auditLog.findMany({ where: { entityId: id } })
  const { id: _id, receiptNo, createdAt, updatedAt, submittedAt, events, ...application } = app
  expect(receiptNo).toMatch(/^A\d{8}-[2-9A-HJ-NP-Z]{5}$/)
  expect(updatedAt).toBeInstanceOf(Date)
  expect(createdAt).toBeInstanceOf(Date)
  return {
    application: { ...application, submitted: submittedAt !== null },
    events: events.map(({ id: _e, applicationId, at, ...e }) => {
      expect(applicationId).toBe(id)
      expect(at).toBeInstanceOf(Date)
      return e
    }),
    audits: audits.map(({ id: _a, at, entityId, after, ...a }) => {
      expect(entityId).toBe(id)
      expect(at).toBeInstanceOf(Date)
      const { receiptNo: logged, ...rest } = after as Record<string, unknown>
      expect(logged).toBe(receiptNo)
      return { ...a, after: rest }
    }),
  }
}

async function fileBothWays(filing: ApplicationFiling, handlers = t.app.entityHandlers) {
  const one = await t.app.db.$transaction((tx) => createApplication(tx, handlers, actor, filing))
  const [many] = await t.app.db.$transaction((tx) =>
    createApplications(tx, handlers, actor, [filing]),
  )
  return { one: await written(one.id), many: await written(many?.id as string) }
}

describe('createApplications (many applications at once)', () => {
  it.each(resourceKinds)('writes what createApplication writes: %s registration', async (kind) => {
    const { one, many } = await fileBothWays({
      kind: 'register',
      entityType: 'resource',
      entityId: null,
      participantId,
      proposed: resourceExample(kind, 900),
      submit: true,
      lang: 'ja',
    })
    expect(many).toEqual(one)
    expect(one.application.state).toBe('submitted')
    expect(one.events).toHaveLength(1)
    expect(one.audits).toHaveLength(1)
  })

  it('writes what createApplication writes: a change, with the current values and version', async () => {
    const resource = await t.app.db.$transaction((tx) =>
      createResource(tx, { participantId, values: resourceExample('dispatchOrder', 901) }),
    )
    const { one, many } = await fileBothWays({
      kind: 'change',
      entityType: 'resource',
      entityId: resource.id,
      participantId,
      proposed: { ...resourceExample('dispatchOrder', 901), name: '工場DR改' },
      submit: true,
      lang: 'ja',
    })
    expect(many).toEqual(one)
    expect(one.application.baseVersion).toBe(resource.version)
    expect(one.application.current).toMatchObject({
      name: resourceExample('dispatchOrder', 901).name,
    })
  })

  it('hides secrets in the audit entry as createApplication does', async () => {
    const handlers = new EntityHandlers()
    handlers.register(
      defineEntityHandler({
        entityType: 'participant',
        functionGroup: '030',
        current: async () => null,
        kinds: {
          register: {
            schema: z.object({ name: z.string(), password: z.string() }),
            applicantName: (p) => p.name,
            apply: async () => {
              throw new Error('not approved in this test')
            },
          },
        },
      }),
    )
    const { one, many } = await fileBothWays(
      {
        kind: 'register',
        entityType: 'participant',
        entityId: null,
        participantId: null,
        proposed: { name: '秘密の会社', password: 'plain-secret' },
        submit: false,
        lang: 'ja',
      },
      handlers,
    )
    expect(many).toEqual(one)
    expect(one.application.applicantName).toBe('秘密の会社')
    expect(one.application.state).toBe('draft')
    expect((one.audits[0]?.after as { proposed: unknown }).proposed).toEqual({
      name: '秘密の会社',
      password: '[secret]',
    })
  })

  it('refuses as createApplication does: a change of a cancelled resource, nothing written', async () => {
    const resource = await t.app.db.$transaction((tx) =>
      createResource(tx, { participantId, values: resourceExample('stable', 902) }),
    )
    await t.app.db.resource.update({ where: { id: resource.id }, data: { status: 'cancelled' } })
    const filing: ApplicationFiling = {
      kind: 'change',
      entityType: 'resource',
      entityId: resource.id,
      participantId,
      proposed: resourceExample('stable', 902),
      submit: true,
      lang: 'ja',
    }
    const before = await t.app.db.application.count()
    const one = await t.app.db
      .$transaction((tx) => createApplication(tx, t.app.entityHandlers, actor, filing))
      .catch((e: unknown) => e)
    const many = await t.app.db
      .$transaction((tx) => createApplications(tx, t.app.entityHandlers, actor, [filing, filing]))
      .catch((e: unknown) => e)
    expect(one).toBeInstanceOf(AppError)
    expect(many).toBeInstanceOf(AppError)
    expect((many as AppError).messageId).toBe((one as AppError).messageId)
    expect((many as AppError).messageId).toBe('E-RES-014')
    expect(await t.app.db.application.count()).toBe(before)
  })

  it('files many with distinct receipt numbers, events and audit entries in the order given', async () => {
    const filings: ApplicationFiling[] = Array.from({ length: 300 }, (_, n) => ({
      kind: 'register',
      entityType: 'resource',
      entityId: null,
      participantId,
      proposed: resourceExample('variableSingle', 1000 + n),
      submit: true,
      lang: 'ja',
    }))
    const filed = await t.app.db.$transaction((tx) =>
      createApplications(tx, t.app.entityHandlers, actor, filings),
    )
    expect(new Set(filed.map((f) => f.receiptNo)).size).toBe(300)
    const rows = await t.app.db.application.findMany({
      where: { id: { in: filed.map((f) => f.id) } },
      include: { events: true },
    })
    const byId = new Map(rows.map((r) => [r.id, r]))
    filed.forEach((f, n) => {
      const row = byId.get(f.id)
      expect(row?.receiptNo).toBe(f.receiptNo)
      expect((row?.proposed as { name: string }).name).toBe(`メガソーラー${1000 + n}`)
      expect(row?.events).toHaveLength(1)
    })
    expect(
      await t.app.db.auditLog.count({ where: { entityId: { in: filed.map((f) => f.id) } } }),
    ).toBe(300)
  })
})
