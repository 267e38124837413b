import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signReceipt, type ReceiptKey } from '../lib/receipts.ts'
import { bidReceiptContent } from '../modules/bids/receipt-content.ts'
import { receiptProblem } from './receipt.ts'

function key(): ReceiptKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    keyId: 'test',
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

describe('receipt verify (CLI)', () => {
  const k = key()
  const content = bidReceiptContent({
    auctionCode: 'A2030M1',
    participantCode: 'P00001',
    resourceCode: '03S0000001',
    bidId: '00000000-0000-4000-8000-000000000001',
    version: 1,
    action: 'register',
    kw: 3000,
    price: 8000,
    acceptedAt: '2026-12-02T06:00:00.000Z',
  })
  const receipt = { content, ...signReceipt(k, content), publicKey: k.publicKeyPem }

  it('verifies an intact receipt', () => {
    expect(receiptProblem(receipt)).toBeNull()
  })

  it('fails when one byte changes, the shown content differs, or another key is given', () => {
    const canonical = receipt.canonical.replace('8000', '8001')
    expect(receiptProblem({ ...receipt, canonical, content: JSON.parse(canonical) })).toMatch(
      /does not match/,
    )
    expect(receiptProblem({ ...receipt, content: { ...content, kw: 1 } })).toMatch(/differs/)
    expect(receiptProblem(receipt, key().publicKeyPem)).toMatch(/does not match/)
  })
})
