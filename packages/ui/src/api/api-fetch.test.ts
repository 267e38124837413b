import { loginRequestSchema, messages, problemSchema, sessionUserSchema } from '@yoryo/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_MESSAGE_PARAMS,
  decodeMessageRef,
  resolveMessage,
  zodIssueToMessage,
} from '../messages/message-ref.ts'
import { ApiError } from './api-error.ts'
import { apiFetch, readProblem } from './api-fetch.ts'
import { applyFieldErrors, isShownOnFields } from './form-errors.ts'

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(
    JSON.stringify({ type: 'about:blank', title: 'x', status, requestId: 'req-1', ...body }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  )

afterEach(() => vi.unstubAllGlobals())

describe('apiFetch', () => {
  it('sends JSON with same-origin credentials', async () => {
    const fetchMock = vi.fn(async () => Response.json({ ok: true }))
    vi.stubGlobal('fetch', fetchMock)
    await apiFetch('/api/v1/auth/login', { method: 'POST', body: { a: 1 } })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/auth/login')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{"a":1}')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('adds query parameters, skipping empty ones', async () => {
    const fetchMock = vi.fn(async () => Response.json([]))
    vi.stubGlobal('fetch', fetchMock)
    await apiFetch('/api/v1/attachments', {
      query: { ownerType: 'participant', ownerId: 'p 1', x: '' },
    })
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe(
      '/api/v1/attachments?ownerType=participant&ownerId=p+1',
    )
  })

  it('turns problem details into an ApiError with field errors', async () => {
    vi.stubGlobal('fetch', async () =>
      problem(400, {
        messageId: 'E-COMMON-001',
        errors: [{ path: ['newPassword'], messageId: 'E-AUTH-008', message: '…' }],
      }),
    )
    const error = await apiFetch('/api/v1/auth/password', { method: 'POST' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, messageId: 'E-COMMON-001', requestId: 'req-1' })
    expect((error as ApiError).fieldErrors).toHaveLength(1)
  })

  it('classifies session, maintenance and forced-change errors', async () => {
    vi.stubGlobal('fetch', async () => problem(401, { messageId: 'E-AUTH-004' }))
    const expired = (await apiFetch('/api/v1/portal').catch((e) => e)) as ApiError
    expect(expired.isUnauthenticated).toBe(true)
    vi.stubGlobal('fetch', async () => problem(401, { messageId: 'E-AUTH-001' }))
    const wrong = (await apiFetch('/api/v1/auth/login').catch((e) => e)) as ApiError
    expect(wrong.isUnauthenticated).toBe(false)
    vi.stubGlobal('fetch', async () => problem(503, { messageId: 'E-COMMON-005' }))
    expect(((await apiFetch('/x').catch((e) => e)) as ApiError).isMaintenance).toBe(true)
    vi.stubGlobal('fetch', async () => problem(403, { messageId: 'E-AUTH-013' }))
    expect(((await apiFetch('/x').catch((e) => e)) as ApiError).isPasswordChangeRequired).toBe(true)
  })

  it('maps a network failure to E-COMMON-011 with status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    const error = (await apiFetch('/api/v1/portal').catch((e) => e)) as ApiError
    expect(error).toMatchObject({ status: 0, messageId: 'E-COMMON-011' })
  })

  it('maps a non-JSON 500 to E-COMMON-003 with the request ID header', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('oops', { status: 500, headers: { 'x-request-id': 'r-9' } }),
    )
    const error = (await apiFetch('/api/v1/portal').catch((e) => e)) as ApiError
    expect(error).toMatchObject({ status: 500, messageId: 'E-COMMON-003', requestId: 'r-9' })
  })

  it('treats a gateway error page (502 / 504) as "cannot reach the server"', async () => {
    vi.stubGlobal('fetch', async () => new Response('Bad gateway', { status: 502 }))
    const error = (await apiFetch('/api/v1/portal').catch((e) => e)) as ApiError
    expect(error).toMatchObject({ status: 502, messageId: 'E-COMMON-011' })
    expect(error.isNetworkError).toBe(true)
  })

  it('downloads a file as a Blob, and still reads problem details on failure', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response('%PDF-1.4', { status: 200, headers: { 'content-type': 'application/pdf' } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const blob = await apiFetch<Blob>('/api/v1/attachments/a/content', { responseType: 'blob' })
    expect(blob).toBeInstanceOf(Blob)
    expect(await blob.text()).toBe('%PDF-1.4')
    expect(blob.type).toBe('application/pdf')
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect((init.headers as Record<string, string>).Accept).toBe('*/*')

    vi.stubGlobal('fetch', async () => problem(401, { messageId: 'E-AUTH-004' }))
    const expired = (await apiFetch('/api/v1/attachments/a/content', {
      responseType: 'blob',
    }).catch((e) => e)) as ApiError
    expect(expired).toBeInstanceOf(ApiError)
    expect(expired.isUnauthenticated).toBe(true)
  })

  it('returns the data even when it drifts from the contract, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.stubGlobal('fetch', async () => Response.json({ unexpected: true }))
    const data = await apiFetch('/api/v1/auth/me', { schema: sessionUserSchema })
    expect(data).toEqual({ unexpected: true })
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })

  it('checks a response against a schema loaded on demand, fetched while the request runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.stubGlobal('fetch', async () => Response.json({ unexpected: true }))
    const load = vi.fn(() => Promise.resolve(sessionUserSchema))
    const data = await apiFetch('/api/v1/auth/me', { schema: load })
    expect(data).toEqual({ unexpected: true })
    expect(load).toHaveBeenCalledOnce()
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })
})

describe('readProblem (problem details without zod)', () => {
  const valid = {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'd',
    messageId: 'E-COMMON-001',
    requestId: 'r',
    errors: [{ path: ['a', 0], messageId: 'E-COMMON-001', message: 'm' }],
  }
  const samples: unknown[] = [
    valid,
    { ...valid, detail: undefined, errors: undefined },
    { ...valid, instance: '/x' },
    { ...valid, status: 400.5 },
    { ...valid, status: '400' },
    { ...valid, messageId: undefined },
    { ...valid, requestId: 1 },
    { ...valid, detail: null },
    { ...valid, errors: [{ path: [true], messageId: 'x', message: 'm' }] },
    { ...valid, errors: [{ path: ['a'], messageId: 'x' }] },
    { ...valid, errors: {} },
    null,
    'text',
    [],
  ]

  it.each(samples.map((sample, i) => [i, sample]))(
    'agrees with problemSchema of @yoryo/contracts (sample %i)',
    (_i, sample) => {
      const parsed = problemSchema.safeParse(sample)
      expect(readProblem(sample)).toEqual(parsed.success ? parsed.data : null)
    },
  )
})

describe('field errors', () => {
  it('puts server field errors on known fields and focuses the first', () => {
    const calls: [string, string, boolean | undefined][] = []
    const error = new ApiError({
      status: 400,
      messageId: 'E-COMMON-001',
      fieldErrors: [
        { path: ['other'], messageId: 'E-COMMON-008', message: 'x' },
        { path: ['newPassword'], messageId: 'E-AUTH-007', message: 'server text' },
        { path: ['currentPassword'], messageId: 'E-AUTH-011', message: 'y' },
      ],
    })
    const applied = applyFieldErrors(
      error,
      (name, e, o) => calls.push([name, e.message, o?.shouldFocus]),
      ['currentPassword', 'newPassword'] as const,
    )
    expect(applied).toBe(true)
    expect(calls.map((c) => [c[0], c[2]])).toEqual([
      ['newPassword', true],
      ['currentPassword', false],
    ])
    const ref = decodeMessageRef(calls[0]?.[1])
    expect(ref?.id).toBe('E-AUTH-007')
    expect(resolveMessage(ref!, 'ja')).toBe('パスワードは12文字以上で入力してください。')
  })

  it('can leave the focus to the caller (a form that is still disabled)', () => {
    const calls: [string, boolean | undefined][] = []
    const focused: string[] = []
    const error = new ApiError({
      status: 400,
      messageId: 'E-COMMON-001',
      fieldErrors: [
        { path: ['name'], messageId: 'E-COMMON-009', message: 'x' },
        { path: ['expiresInDays'], messageId: 'E-COMMON-008', message: 'y' },
      ],
    })
    const fields = ['name', 'expiresInDays'] as const
    applyFieldErrors(
      error,
      (name, _e, o) => calls.push([name, o?.shouldFocus]),
      fields,
      (name) => focused.push(name),
    )
    expect(calls).toEqual([
      ['name', false],
      ['expiresInDays', false],
    ])
    expect(focused).toEqual(['name'])
    expect(isShownOnFields(error, fields)).toBe(true)
    expect(isShownOnFields(error, ['other'])).toBe(false)
    expect(isShownOnFields(new Error('x'), fields)).toBe(false)
  })

  it('validates with catalogue IDs on the client', () => {
    const result = loginRequestSchema.safeParse(
      { participantCode: '', userId: 'x'.repeat(40), password: 'p' },
      { error: zodIssueToMessage },
    )
    expect(result.success).toBe(false)
    const byField = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path[0], decodeMessageRef(i.message)]),
    )
    expect(byField.participantCode?.id).toBe('E-COMMON-007')
    expect(byField.userId).toEqual({ id: 'E-COMMON-009', params: { max: 32 } })
    expect(resolveMessage(byField.userId!, 'en')).toBe('Enter at most 32 characters.')
  })

  it('drops unfilled placeholders rather than showing braces', () => {
    const withPlaceholder = Object.entries(messages).find(
      ([id, m]) => m.ja.includes('{') && !(id in DEFAULT_MESSAGE_PARAMS),
    )
    expect(withPlaceholder).toBeDefined()
    const text = resolveMessage({ id: withPlaceholder![0] }, 'ja')
    expect(text).not.toMatch(/[{}]/)
  })

  it('prefers the server text when it cannot fill the placeholders itself', () => {
    expect(resolveMessage({ id: 'E-ATTACH-002', text: 'サーバの文言' }, 'ja')).toBe('サーバの文言')
    expect(resolveMessage({ id: 'E-NOPE-999', text: 'unknown' }, 'en')).toBe('unknown')
  })
})
