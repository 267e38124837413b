import { visibleMenuEntries, type MenuEntry } from '@yoryo/contracts'
import { describe, expect, it } from 'vitest'
import { groupMenu } from './side-menu.tsx'

const entry = (e: Omit<MenuEntry, 'ja' | 'en' | 'edit' | 'code'> & { code: string }) =>
  ({ ja: e.key, en: e.key, edit: e.view, ...e }) as MenuEntry
const entries: MenuEntry[] = [
  entry({ key: 'portal', code: '010', app: 'preDelivery', path: '/', view: ['participantUser'] }),
  entry({
    key: 'participant',
    code: '030',
    app: 'preDelivery',
    path: '/participant',
    view: ['operator', 'participantAdmin', 'participantUser'],
    group: '030',
  }),
  entry({
    key: 'bids',
    code: '110',
    app: 'preDelivery',
    path: '/bids',
    view: ['participantAdmin', 'participantUser'],
    group: '110',
  }),
]
const keys = (list: MenuEntry[]) => list.map((e) => e.key)

describe('menu by rights (A40)', () => {
  it('shows a general user an entry of a function group only with view on it', () => {
    expect(keys(visibleMenuEntries(entries, 'preDelivery', 'participantUser', []))).toEqual([
      'portal',
    ])
    const rights = [
      { functionGroup: '030', canView: true, canEdit: false },
      { functionGroup: '110', canView: false, canEdit: false },
    ]
    expect(keys(visibleMenuEntries(entries, 'preDelivery', 'participantUser', rights))).toEqual([
      'portal',
      'participant',
    ])
  })

  it('shows administrators and the operator every entry their role allows', () => {
    expect(keys(visibleMenuEntries(entries, 'preDelivery', 'participantAdmin', []))).toEqual([
      'participant',
      'bids',
    ])
    expect(keys(visibleMenuEntries(entries, 'preDelivery', 'operator', []))).toEqual([
      'participant',
    ])
  })

  it('gives user management, certificates and permissions to administrators only', () => {
    const admin = groupMenu('preDelivery', 'participantAdmin').map((g) => g.code)
    expect(admin).toEqual(expect.arrayContaining(['020', '710']))
    expect(groupMenu('preDelivery', 'operator').map((g) => g.code)).toContain('020')
    const user = groupMenu('preDelivery', 'participantUser').map((g) => g.code)
    expect(user).not.toContain('020')
    expect(user).not.toContain('710')
    expect(groupMenu('delivery', 'participantUser').map((g) => g.code)).not.toContain('A40')
    expect(groupMenu('delivery', 'operator').map((g) => g.code)).not.toContain('A40')
  })
})
