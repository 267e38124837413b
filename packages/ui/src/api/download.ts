import { apiFetch } from './api-fetch.ts'

/** How long the temporary object URL of a download lives (the browser has the file by then). */
const OBJECT_URL_LIFETIME_MS = 60_000

/** Hands a Blob to the browser's download, under `fileName`, through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS)
}

/**
 * Downloads a file of the API through `apiFetch` and saves it as `fileName`. Failures are
 * `ApiError`s like any other call (an expired session is a 401 with E-AUTH-004, not a file of
 * error JSON), so use it as a mutation: `ApiErrorRedirects` then handles 401 / 503 as usual.
 */
export async function downloadFile(
  path: string,
  fileName: string,
  signal?: AbortSignal,
  options: { headers?: Record<string, string> } = {},
): Promise<void> {
  const blob = await apiFetch<Blob>(path, {
    responseType: 'blob',
    signal,
    headers: options.headers,
  })
  saveBlob(blob, fileName)
}
