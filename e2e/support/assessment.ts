import type { APIRequestContext } from '@playwright/test'
import { expect, type TestData } from './fixtures.ts'

/** Waits until the run (job) at `url` has succeeded. */
async function untilSucceeded(api: APIRequestContext, url: string): Promise<void> {
  await expect
    .poll(async () => ((await (await api.get(url)).json()) as { state: string }).state, {
      timeout: 60_000,
    })
    .toBe('succeeded')
}

/** The operator's run of a month through the API (B40), waited for until it has succeeded. */
export async function runMonth(data: TestData, month: string): Promise<void> {
  const api: APIRequestContext = await data.loggedIn(await data.operator())
  const res = await api.post('/api/v1/assessments/runs', { data: { month } })
  expect(res.status(), await res.text()).toBe(202)
  const { id } = (await res.json()) as { id: string }
  await untilSucceeded(api, `/api/v1/assessments/runs/${id}`)
}

/**
 * The operator's settlement of an assessed month through the API (E10), waited for until it has
 * succeeded, and (`issue`) its payment notices and invoices issued (F00). Once issued, the month
 * cannot be settled again (E-STL-004): README "End-to-end tests" says which test takes which month.
 */
export async function settleMonth(
  data: TestData,
  month: string,
  options: { issue?: boolean } = {},
): Promise<{ runId: string; api: APIRequestContext }> {
  const api: APIRequestContext = await data.loggedIn(await data.operator())
  const res = await api.post('/api/v1/settlements', { data: { month } })
  expect(res.status(), await res.text()).toBe(202)
  const runId = ((await res.json()) as { id: string }).id
  await untilSucceeded(api, `/api/v1/settlements/${runId}`)
  if (options.issue) {
    const issued = await api.post(`/api/v1/settlements/${runId}/documents`, { data: {} })
    expect(issued.status(), await issued.text()).toBe(201)
  }
  return { runId, api }
}
