import { hash, randomBytes } from 'node:crypto'

export function sha256Hex(data: string | Buffer): string {
  return hash('sha256', data, 'hex')
}

/** A random URL-safe secret with a recognisable prefix (sessions, API tokens). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`
}

/** Certificate fingerprints: upper-case hex without separators. */
export function normaliseFingerprint(value: string): string {
  return value.replace(/[^0-9a-fA-F]/g, '').toUpperCase()
}
