import type { APIRequestContext } from '@playwright/test'
import { expect, type TestData } from './fixtures.ts'

/** The operator's run of a month through the API (B40), waited for until it has succeeded. */
export async function runMonth(data: TestData, month: string): Promise<void> {
  const api: APIRequestContext = await data.loggedIn(await data.operator())
  const res = await api.post('/api/v1/assessments/runs', { data: { month } })
  expect(res.status(), await res.text()).toBe(202)
  const { id } = (await res.json()) as { id: string }
  await expect
    .poll(
      async () => {
        const run = await api.get(`/api/v1/assessments/runs/${id}`)
        return ((await run.json()) as { state: string }).state
      },
      { timeout: 60_000 },
    )
    .toBe('succeeded')
}
