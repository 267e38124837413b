import { describe, expect, it } from 'vitest'
import {
  auditActionLabel,
  auditEntityTypeLabel,
  auditFieldLabel,
  auditFieldOrder,
  auditValueLabel,
} from './audit.ts'

describe('audit log labels', () => {
  it('name operations, record kinds, fields and values in both languages', () => {
    expect(auditActionLabel('user.create', 'ja')).toBe('ユーザの登録')
    expect(auditActionLabel('user.create', 'en')).toBe('User registered')
    expect(auditActionLabel('toString', 'ja')).toBeNull()
    expect(auditEntityTypeLabel('clientCertificate', 'ja')).toBe('クライアント証明書')
    expect(auditEntityTypeLabel('somethingNew', 'ja')).toBe('somethingNew')
    expect(auditFieldLabel('bankAccountNumber', 'ja')).toBe('口座番号')
    expect(auditFieldLabel('unknownField', 'ja')).toBe('unknownField')
    expect(auditValueLabel('user', 'role', 'participantAdmin', 'ja')).toBe('管理者ユーザ')
    expect(auditValueLabel('user', 'status', 'cancelled', 'ja')).toBe('取消')
    expect(auditValueLabel('participant', 'status', 'cancelled', 'ja')).toBe('廃止')
    expect(auditValueLabel('user', 'name', 'active', 'ja')).toBeNull()
  })

  it('orders fields as records.md does, unknown ones last', () => {
    expect(auditFieldOrder(['version', 'zzz', 'role', 'name', 'role'])).toEqual([
      'name',
      'role',
      'version',
      'zzz',
    ])
  })
})
