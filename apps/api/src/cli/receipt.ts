/**
 * `pnpm --silent receipt verify <receipt.json> [--key <public-key.pem>]`: checks a bid receipt
 * (110) offline — the SHA-256 of the canonical text, the Ed25519 signature with the public key
 * (the one in the file, or better the one given, fetched from `GET /api/v1/receipt-keys`), and
 * that the content shown is the content signed. Exit 0 when it verifies, 1 otherwise.
 */
import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { fileURLToPath } from 'node:url'
import { verifyReceipt } from '../lib/receipts.ts'

export interface ReceiptFile {
  content?: unknown
  canonical: string
  sha256: string
  signature: string
  keyId: string
  publicKey?: string
}

/** What is wrong with a receipt, or null when it verifies. */
export function receiptProblem(receipt: ReceiptFile, publicKeyPem?: string): string | null {
  const key = publicKeyPem ?? receipt.publicKey
  if (!key) return 'no public key: pass --key <file.pem> (GET /api/v1/receipt-keys)'
  if (receipt.content !== undefined) {
    let signed: unknown
    try {
      signed = JSON.parse(receipt.canonical)
    } catch {
      return 'the canonical text is not JSON'
    }
    if (!isDeepStrictEqual(signed, receipt.content))
      return 'the content differs from the signed text'
  }
  try {
    if (!verifyReceipt(key, receipt)) return 'the hash or the signature does not match'
  } catch (error) {
    return `cannot verify: ${(error as Error).message}`
  }
  return null
}

function main(argv: string[]): number {
  const [command, file] = argv
  const k = argv.indexOf('--key')
  if (command !== 'verify' || !file) {
    console.error('usage: pnpm --silent receipt verify <receipt.json> [--key <public-key.pem>]')
    return 2
  }
  const receipt = JSON.parse(readFileSync(file, 'utf8')) as ReceiptFile
  const key = k >= 0 && argv[k + 1] ? readFileSync(argv[k + 1] as string, 'utf8') : undefined
  const problem = receiptProblem(receipt, key)
  if (problem) {
    console.log(`NOT VERIFIED: ${problem}`)
    return 1
  }
  console.log(
    `VERIFIED: signed by key ${receipt.keyId}${key ? ' (the key given)' : ' (the key in the file)'}; ` +
      `sha256 ${receipt.sha256}`,
  )
  console.log(receipt.canonical)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2))
}
