import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionRegistry, type FunctionEntry } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../test/harness.ts'
import { routeAccess } from './access.ts'

describe('routeAccess', () => {
  it('resolves a function and a mode to the roles and the A40 right of the registry', () => {
    expect(routeAccess('users', 'view')).toEqual({
      roles: ['operator', 'participantAdmin'],
      functions: ['users'],
    })
    expect(routeAccess('auditLog', 'edit')).toEqual({ roles: [], functions: ['auditLog'] })
    expect(routeAccess('participant', 'edit')).toEqual({
      roles: ['participantAdmin', 'participantUser'],
      permission: { function: '030', mode: 'edit' },
      functions: ['participant'],
    })
    expect(
      routeAccess(['participant', 'participants'], 'view', { duringMaintenance: true }),
    ).toEqual({
      roles: ['participantAdmin', 'participantUser', 'operator'],
      permission: { function: '030', mode: 'view' },
      duringMaintenance: true,
      functions: ['participant', 'participants'],
    })
  })

  it('refuses a function without a group beside one with a group', () => {
    expect(() => routeAccess(['users', 'participant'], 'view')).toThrow()
  })

  it('takes a right on any group for functions of different groups (180 / B00)', () => {
    expect(routeAccess(['outagePlans', 'deliveryOutagePlans'], 'edit')).toEqual({
      roles: ['operator', 'participantAdmin', 'participantUser'],
      permission: { function: ['180', 'B00'], mode: 'edit' },
      functions: ['outagePlans', 'deliveryOutagePlans'],
    })
  })

  it('gives every registry role set in the registry shape', () => {
    for (const f of functionRegistry as readonly FunctionEntry[]) {
      if (f.public) continue
      expect(routeAccess(f.key as 'users', 'view').roles).toEqual([...f.view])
    }
  })
})

describe('API access follows the function registry', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => t.close())

  const call = async (
    who: { cookie: string; origin: string },
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) })

  it('refuses a role outside the function’s view roles (users: administrators)', async () => {
    const user = await loginAs(t.app, 'P00001', 'user01')
    expect((await call(user, 'GET', '/api/v1/users')).statusCode).toBe(403)
    expect((await call(user, 'GET', '/api/v1/audit-log')).statusCode).toBe(403)
    expect((await call(user, 'GET', '/api/v1/client-certificates')).statusCode).toBe(403)
    const admin = await loginAs(t.app, 'P00001', 'admin01')
    expect((await call(admin, 'GET', '/api/v1/users')).statusCode).toBe(200)
  })

  it('refuses a role outside the function’s edit roles', async () => {
    const admin = await loginAs(t.app, 'P00001', 'admin01')
    const maintenance = await call(admin, 'PUT', '/api/v1/system/maintenance', { enabled: false })
    expect(maintenance.statusCode).toBe(403)
    // 030: participants file change applications; the operator reviews them, never files one.
    const operator = await loginAs(t.app, 'OCCTO', 'operator01')
    const participant = await t.database.prisma.participant.findFirstOrThrow({
      where: { code: 'P00001' },
    })
    const filed = await call(
      operator,
      'POST',
      `/api/v1/participants/${participant.id}/cancel-applications`,
      { version: participant.version, proposed: { reason: 'x' }, submit: false },
    )
    expect(filed.statusCode).toBe(403)
    expect((await call(operator, 'GET', `/api/v1/participants/${participant.id}`)).statusCode).toBe(
      200,
    )
  })
})
