/**
 * Signed receipts (issue 10, bids 110): what the system accepted and when, signed with the
 * system's Ed25519 key so a participant can prove it later without trusting the database.
 *
 * A receipt is the canonical JSON text of the content (keys sorted, no spaces), its SHA-256
 * (hex) and the Ed25519 signature of the canonical text's UTF-8 bytes (base64), with the key's
 * ID (the first 16 hex digits of the SHA-256 of the public key's DER). Verifying needs only the
 * public key (`GET /api/v1/receipt-keys`) and `openssl` or Node (README "Verifying a receipt").
 *
 * The key: `RECEIPT_SIGNING_KEY_FILE` (a PKCS#8 PEM Ed25519 private key) when configured, else
 * one generated on first use and kept in `system_setting` (`receiptSigningKey`), so every API
 * instance on the same database signs with the same key.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { DbClient } from '@yoryo/db'
import { sha256Hex } from './crypto.ts'

export const RECEIPT_KEY_SETTING = 'receiptSigningKey'

export interface ReceiptKey {
  keyId: string
  privateKey: KeyObject
  /** SPKI PEM of the public key, as published. */
  publicKeyPem: string
}

export interface SignedReceipt {
  canonical: string
  sha256: string
  signature: string
  keyId: string
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** JSON with object keys sorted at every level and no whitespace (the signed bytes). */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function keyOf(privateKey: KeyObject): ReceiptKey {
  const publicKey = createPublicKey(privateKey)
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

const cache = new WeakMap<object, Promise<ReceiptKey>>()

/**
 * The system's receipt key: from the file when `keyFile` is given, else the one kept in the
 * database (created on first use; two instances starting at once end up with the same key).
 */
export function receiptKey(db: DbClient, keyFile?: string): Promise<ReceiptKey> {
  let pending = cache.get(db)
  if (!pending) {
    pending = loadKey(db, keyFile)
    pending.catch(() => cache.delete(db))
    cache.set(db, pending)
  }
  return pending
}

async function loadKey(db: DbClient, keyFile?: string): Promise<ReceiptKey> {
  if (keyFile) return keyOf(createPrivateKey(readFileSync(keyFile)))
  const stored = await db.systemSetting.findUnique({ where: { key: RECEIPT_KEY_SETTING } })
  if (!stored) {
    const { privateKey } = generateKeyPairSync('ed25519')
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    // Another instance may have created one meanwhile: keep the first, read it back.
    await db.$executeRaw`
      INSERT INTO system_setting (key, value, version, updated_at)
      VALUES (${RECEIPT_KEY_SETTING}, ${JSON.stringify({ privateKeyPem: pem })}::jsonb, 1, now())
      ON CONFLICT (key) DO NOTHING`
  }
  const row = await db.systemSetting.findUniqueOrThrow({ where: { key: RECEIPT_KEY_SETTING } })
  const { privateKeyPem } = row.value as { privateKeyPem: string }
  return keyOf(createPrivateKey(privateKeyPem))
}

/** Signs `content` (canonical JSON, SHA-256, Ed25519). */
export function signReceipt(key: ReceiptKey, content: Json): SignedReceipt {
  const canonical = canonicalJson(content)
  return signed(key, canonical, sign(null, Buffer.from(canonical, 'utf8'), key.privateKey))
}

/**
 * `signReceipt` with the Ed25519 signature computed on libuv's thread pool instead of the event
 * loop (the API's bid writes: a tenth of the process's time under deadline load went to signing).
 */
export function signReceiptAsync(key: ReceiptKey, content: Json): Promise<SignedReceipt> {
  const canonical = canonicalJson(content)
  return new Promise((resolve, reject) => {
    sign(null, Buffer.from(canonical, 'utf8'), key.privateKey, (error, signature) => {
      if (error) reject(error)
      else resolve(signed(key, canonical, signature))
    })
  })
}

function signed(key: ReceiptKey, canonical: string, signature: Buffer): SignedReceipt {
  return {
    canonical,
    sha256: sha256Hex(canonical),
    signature: signature.toString('base64'),
    keyId: key.keyId,
  }
}

/** Whether a receipt is intact and signed by the holder of `publicKeyPem`. */
export function verifyReceipt(publicKeyPem: string, receipt: SignedReceipt): boolean {
  if (sha256Hex(receipt.canonical) !== receipt.sha256) return false
  return verify(
    null,
    Buffer.from(receipt.canonical, 'utf8'),
    createPublicKey(publicKeyPem),
    Buffer.from(receipt.signature, 'base64'),
  )
}
