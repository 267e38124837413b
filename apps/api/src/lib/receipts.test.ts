import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type Database } from '@yoryo/db/testing'
import { bidReceiptContent } from '../modules/bids/receipt-content.ts'
import { canonicalJson, receiptKey, signReceipt, verifyReceipt } from './receipts.ts'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

describe('receipts', () => {
  it('writes canonical JSON: keys sorted at every level, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 'ü', y: null }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"y":null,"z":"ü"}]},"b":1}',
    )
  })

  it('keeps one key in the database, signs, and detects any change', async () => {
    const [a, b] = await Promise.all([receiptKey(database.prisma), receiptKey(database.prisma)])
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/)
    expect(b.keyId).toBe(a.keyId)
    expect(await database.prisma.systemSetting.count()).toBe(1)
    const receipt = signReceipt(a, { kw: 1000, price: 0, resourceCode: 'X' })
    expect(verifyReceipt(a.publicKeyPem, receipt)).toBe(true)
    expect(
      verifyReceipt(a.publicKeyPem, {
        ...receipt,
        canonical: receipt.canonical.replace('1000', '1001'),
      }),
    ).toBe(false)
  })

  it('verifies offline with openssl (README "Verifying a receipt")', async (ctx) => {
    try {
      execFileSync('openssl', ['version'])
    } catch {
      ctx.skip()
    }
    const key = await receiptKey(database.prisma)
    const receipt = signReceipt(
      key,
      bidReceiptContent({
        auctionCode: 'A2030M1',
        participantCode: 'P00001',
        resourceCode: 'R1',
        bidId: 'B1',
        version: 1,
        action: 'register',
        kw: 2500,
        price: 0,
        acceptedAt: '2026-12-02T05:00:00.000Z',
      }),
    )
    const dir = mkdtempSync(join(tmpdir(), 'receipt-'))
    writeFileSync(join(dir, 'public.pem'), key.publicKeyPem)
    writeFileSync(join(dir, 'content.json'), receipt.canonical)
    writeFileSync(join(dir, 'signature.bin'), Buffer.from(receipt.signature, 'base64'))
    const out = execFileSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      join(dir, 'public.pem'),
      '-rawin',
      '-in',
      join(dir, 'content.json'),
      '-sigfile',
      join(dir, 'signature.bin'),
    ]).toString()
    expect(out).toMatch(/Signature Verified Successfully/)
  })
})
