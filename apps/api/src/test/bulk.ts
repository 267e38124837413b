import iconv from 'iconv-lite'
import { parseCsv } from '../modules/bulk-imports/csv.ts'
import type { App } from '../app.ts'

/** Drives the bulk-file pipeline in tests: upload, run the job, read the result. */

type Session = { cookie: string; origin: string }

/** A multipart body with text fields and one part `file`. */
export function multipart(
  fields: Record<string, string>,
  content: Buffer,
  fileName = 'upload.csv',
) {
  const boundary = '----yoryo' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    )
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** POST /api/v1/bulk-imports (202 when accepted); the job has not run yet. */
export function postBulkImport(
  app: App,
  session: Session,
  fields: Record<string, string>,
  content: Buffer,
) {
  const body = multipart(fields, content)
  return app.inject({
    method: 'POST',
    url: '/api/v1/bulk-imports',
    headers: { ...session, 'content-type': body.contentType },
    payload: body.payload,
  })
}

/** Uploads, runs every queued job, and returns the import as the API shows it. */
export async function bulkImport(
  app: App,
  session: Session,
  fields: Record<string, string>,
  content: Buffer,
) {
  const res = await postBulkImport(app, session, fields, content)
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  await app.jobs.drain()
  const id = (res.json() as { id: string }).id
  const got = await app.inject({
    method: 'GET',
    url: `/api/v1/bulk-imports/${id}`,
    headers: session,
  })
  return { upload: res, import: got.json() as Record<string, unknown> & { id: string } }
}

/** The error file's rows (without its header), read from Shift_JIS. */
export async function bulkErrors(app: App, session: Session, id: string): Promise<string[][]> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/bulk-imports/${id}/errors`,
    headers: session,
  })
  if (res.statusCode !== 200) throw new Error(`errors: ${res.statusCode} ${res.body}`)
  return parseCsv(iconv.decode(res.rawPayload, 'Shift_JIS'))
    .slice(1)
    .map((r) => r.cells)
}
