import { describe, expect, it } from 'vitest'
import { groupMenu, isActivePath } from './side-menu.tsx'

describe('side menu', () => {
  it('groups entries by function code and hides operator-only ones', () => {
    const participant = groupMenu('preDelivery', 'participantUser')
    // A general user without rights sees what everyone may read: the factor tables (070), the
    // file item lists (500), the messages (600) and the auctions (120: no function group, every
    // logged-in user sees them); 050 / 070 / 100 entries need their group's right.
    expect(participant.map((g) => g.code)).toEqual(['010', '070', '120', '500', '600'])
    expect(participant[1]?.entries.map((e) => e.key)).toEqual(['factorTables'])
    expect(participant[0]?.entries.map((e) => e.key)).not.toContain('maintenance')
    const operator = groupMenu('preDelivery', 'operator')
    expect(operator[0]?.entries.map((e) => e.key)).toContain('maintenance')
  })

  it('builds the delivery menu from its own entries', () => {
    expect(groupMenu('delivery', 'participantAdmin').map((g) => g.code)).toEqual([
      'A20',
      'A30',
      'A40',
      'B00',
      'B10',
      'B20',
      'B40',
      'B50',
      'B60',
      'B70',
      'B80',
      'B90',
      'C00',
      'C10',
      'D00',
      'D20',
      'E10',
      'F00',
      'F10',
      'F30',
      'G00',
      'G10',
      'G30',
      'G50',
      'K00',
      'K10',
      'K20',
      'K21',
    ])
  })

  it('matches the portal exactly and other paths by prefix', () => {
    expect(isActivePath('/', '/')).toBe(true)
    expect(isActivePath('/messages', '/')).toBe(false)
    expect(isActivePath('/api-tokens/x', '/api-tokens')).toBe(true)
  })
})
