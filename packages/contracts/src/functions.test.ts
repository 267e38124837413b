import { describe, expect, it } from 'vitest'
import {
  functionCodes,
  functionLinkFor,
  functionRegistry,
  menuFor,
  mayUse,
  registryRoutes,
  type FunctionEntry,
} from './functions.ts'

const entries: readonly FunctionEntry[] = functionRegistry

describe('function registry', () => {
  it('declares each key once, each code in the code table and each path once per app', () => {
    const keys = entries.map((f) => f.key)
    expect(new Set(keys).size).toBe(keys.length)
    const codes = functionCodes.map((c) => c.code as string)
    for (const f of entries) {
      expect(codes, f.key).toContain(f.code)
      expect(functionCodes.find((c) => c.code === f.code)?.app, f.key).toBe(f.app)
    }
    for (const app of ['preDelivery', 'delivery'] as const) {
      const paths = registryRoutes(app)
      expect(new Set(paths).size).toBe(paths.length)
    }
  })

  it('lets nobody edit what it may not view, except the A40 support case of the operator', () => {
    for (const f of entries) {
      for (const role of f.edit) {
        if (f.key === 'permissions' && role === 'operator') continue
        expect(f.view, `${f.key} ${role}`).toContain(role)
      }
    }
  })

  it('needs the A40 right of the group for a general user only', () => {
    const participant = entries.find((f) => f.key === 'participant') as FunctionEntry
    expect(mayUse(participant, 'participantUser', [])).toBe(false)
    const viewOnly = [{ functionGroup: '030', canView: true, canEdit: false }]
    expect(mayUse(participant, 'participantUser', viewOnly)).toBe(true)
    expect(mayUse(participant, 'participantUser', viewOnly, 'edit')).toBe(false)
    expect(mayUse(participant, 'participantAdmin', [])).toBe(true)
    expect(mayUse(participant, 'operator', [])).toBe(false)
  })

  it('builds each menu from the registry', () => {
    expect(menuFor('delivery', 'participantAdmin').map((e) => e.key)).toEqual([
      'deliveryPortal',
      'attachments',
      'notices',
      'permissions',
      'deliveryOutagePlans',
      'assessmentParameters',
      'replacementAllocations',
      'assessmentResults',
      'outageOmissions',
      'meteredGeneration',
      'supplyInstructions',
      'reserveNotices',
      'operationRestraint',
      'dispatchOrderResults',
      'dispatchOrders',
      'penaltyTargets',
      'penaltyAmounts',
      'contractAmounts',
      'settlementDocuments',
      'payments',
      'releaseAmounts',
      'deliveryBulkImports',
      'deliveryFileItems',
      'deliveryMessages',
      'successions',
      'documentSamples',
      'bulkSamples',
      'outputFileMap',
      'csvSamples',
    ])
    expect(menuFor('preDelivery', 'participantUser').map((e) => e.key)).not.toContain('users')
  })

  it('links a portal row to the function acting on it, when the user may use it', () => {
    const link = (row: { function: string | null; kind?: string }, role = 'participantAdmin') =>
      functionLinkFor('preDelivery', row, role as 'participantAdmin')?.path
    expect(link({ function: '010', kind: 'passwordExpiry' })).toBe('/password')
    expect(link({ function: '710', kind: 'certificateExpiry' })).toBe('/client-certificates')
    expect(link({ function: '710' }, 'participantUser')).toBeUndefined()
    expect(link({ function: '110', kind: 'deadline' })).toBe('/bids')
    expect(link({ function: '999', kind: 'deadline' })).toBeUndefined()
    expect(link({ function: null })).toBeUndefined()
  })
})
