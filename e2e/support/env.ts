import { join } from 'node:path'

/** Where the suite runs: the local servers the config starts, or E2E_BASE_URL. */
export const root = join(import.meta.dirname, '..', '..')
export const external = process.env.E2E_BASE_URL
export const port = Number(process.env.E2E_PORT ?? 3100)
export const tlsPort = Number(process.env.E2E_TLS_PORT ?? 3443)
export const baseURL = external ?? `http://127.0.0.1:${port}`
export const tlsBaseURL = process.env.E2E_TLS_BASE_URL ?? `https://127.0.0.1:${tlsPort}`
/** Wiped by each server command at start; the TLS server keeps its certificates there too. */
export const e2eDataDir = process.env.E2E_DATA_DIR ?? join(root, '.data', 'e2e')
export const tlsCertDir = process.env.E2E_TLS_CERT_DIR ?? join(e2eDataDir, 'tls', 'certs')
