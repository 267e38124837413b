import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTACHMENT_MAX_BYTES } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

let t: TestContext
let p1: string
let p2: string
beforeAll(async () => {
  t = await createTestApp()
  p1 = (await t.database.prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2 = (await t.database.prisma.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})
afterAll(async () => {
  await t.close()
})

function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
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
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

async function upload(
  session: { cookie: string; origin: string },
  ownerId: string,
  file: { name: string; type: string; content: Buffer },
) {
  const body = multipart({ ownerType: 'participant', ownerId }, file)
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...session, 'content-type': body.contentType },
    payload: body.payload,
  })
}

const pdf = {
  name: '届出書.pdf',
  type: 'application/pdf',
  content: Buffer.from('%PDF-1.4 test document'),
}

describe('[A20] attachments', () => {
  it('attaches, lists, downloads (same SHA-256) and deletes a file', async () => {
    const s = await loginAs(t.app, 'P00001', 'admin01')
    const created = await upload(s, p1, pdf)
    expect(created.statusCode).toBe(201)
    const a = created.json()
    expect(a).toMatchObject({
      fileName: '届出書.pdf',
      size: pdf.content.length,
      contentType: 'application/pdf',
    })
    expect(a.sha256).toBe(createHash('sha256').update(pdf.content).digest('hex'))

    const list = await t.app.inject({
      url: `/api/v1/attachments?ownerType=participant&ownerId=${p1}`,
      headers: s,
    })
    expect(list.json().map((x: { id: string }) => x.id)).toContain(a.id)

    const download = await t.app.inject({ url: `/api/v1/attachments/${a.id}/content`, headers: s })
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload.equals(pdf.content)).toBe(true)
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('届出書.pdf'))

    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/attachments/${a.id}`,
      headers: s,
    })
    expect(del.statusCode).toBe(200)
    const after = await t.app.inject({
      url: `/api/v1/attachments?ownerType=participant&ownerId=${p1}`,
      headers: s,
    })
    expect(after.json().map((x: { id: string }) => x.id)).not.toContain(a.id)
  })

  it("never shows or touches another participant's files", async () => {
    const owner = await loginAs(t.app, 'P00001', 'admin01')
    const a = (await upload(owner, p1, pdf)).json()
    const other = await loginAs(t.app, 'P00002', 'admin01')
    const requests = [
      { url: `/api/v1/attachments?ownerType=participant&ownerId=${p1}` },
      { url: `/api/v1/attachments/${a.id}/content` },
      { method: 'DELETE' as const, url: `/api/v1/attachments/${a.id}` },
    ]
    for (const r of requests) {
      const res = await t.app.inject({ ...r, headers: other })
      expect(res.statusCode, r.url).toBe(404)
      expect(res.json().messageId).toBe('E-COMMON-002')
    }
    expect((await upload(other, p1, pdf)).statusCode).toBe(404)
    expect((await upload(other, p2, pdf)).statusCode).toBe(201)
    // The operator sees every participant's files.
    const operator = await loginAs(t.app, 'OCCTO', 'operator01')
    expect(
      (await t.app.inject({ url: `/api/v1/attachments/${a.id}/content`, headers: operator }))
        .statusCode,
    ).toBe(200)
  })

  it('refuses files that are empty, too large or of a type not allowed', async () => {
    const s = await loginAs(t.app, 'P00001', 'admin01')
    const empty = await upload(s, p1, { ...pdf, content: Buffer.alloc(0) })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().messageId).toBe('E-ATTACH-003')
    const exe = await upload(s, p1, {
      name: 'x.exe',
      type: 'application/x-msdownload',
      content: Buffer.from('MZ'),
    })
    expect(exe.statusCode).toBe(415)
    expect(exe.json().messageId).toBe('E-ATTACH-002')
    const big = await upload(s, p1, { ...pdf, content: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 1) })
    expect(big.statusCode).toBe(413)
    expect(big.json().messageId).toBe('E-ATTACH-001')
    const list = await t.app.inject({
      url: `/api/v1/attachments?ownerType=participant&ownerId=${p1}`,
      headers: s,
    })
    expect(
      list.json().every((x: { size: number }) => x.size > 0 && x.size <= ATTACHMENT_MAX_BYTES),
    ).toBe(true)
  })
})
