import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, field, login, test } from '../support/fixtures.ts'

/**
 * 050 resources end to end: a participant registers a resource of each kind on the screen (the
 * members of an aggregate loaded from a Shift_JIS-free CSV file, the sites of a dispatch-order
 * resource typed as rows), the operator approves it in the application detail, and the
 * registration notice (800) downloads as a PDF from the resource's detail.
 */

/** Picks an option of a form's select (`resource-field-<name>`) by its label. */
async function choose(page: Page, name: string, option: string) {
  await page.getByTestId(`resource-field-${name}`).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

let serial = 0
const unique = () => `${Date.now() % 1_000_000}${++serial}`

const kinds = [
  { kind: 'stable', label: '安定電源', type: 'LNG' },
  { kind: 'variableSingle', label: '変動電源(単独)', type: '太陽光' },
  { kind: 'variableAggregate', label: '変動電源(アグリゲート)', type: '太陽光' },
  { kind: 'dispatchOrder', label: '発動指令電源', type: 'ディマンドリスポンス' },
] as const

test.describe('[050] resources', () => {
  for (const { kind, label, type } of kinds) {
    test(`[050] register a ${kind} resource, the operator approves, the notice PDF downloads`, async ({
      page,
      browser,
      data,
    }) => {
      test.slow()
      const { admin } = await data.participant()
      const operator = await data.operator()
      const name = `E2E ${label} ${unique()}`

      await login(page, admin)
      await page.goto('/resources')
      await page.getByTestId('resource-register').click()
      await expect(page.getByRole('heading', { name: '電源等の登録申込' })).toBeVisible()
      await choose(page, 'kind', label)
      await choose(page, 'area', '東京')
      await field(page, '電源等の名称').fill(name)
      await field(page, '電源等の名称(カナ)').fill('イーツーイーデンゲン')
      await choose(page, 'generationType', type)
      await field(page, '系統コード').fill(`E2E${unique()}`)
      await field(page, '運転開始年月').fill('2018-04')
      await field(page, '所在地').fill('東京都江東区青海1-1')
      if (kind === 'stable') {
        await field(page, '設備容量(発電端)').fill('350000')
        await field(page, '所内率').fill('3.5')
        await choose(page, 'hasAdjustment', 'あり')
      }
      if (kind === 'variableSingle') await field(page, '設備容量').fill('12000')
      if (kind === 'variableAggregate') {
        // A bad file first: every bad row is listed and nothing is loaded.
        const header = '構成電源の名称,発電方式,系統コード,設備容量(kW)'
        await page.getByTestId('resource-members-csv').click()
        await page.locator('input[type=file]').setInputFiles({
          name: 'members.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`${header}\r\n屋根A,太陽光,GA1,1200\r\n屋根B,石炭,GA2,500\r\n`),
        })
        const errors = page.getByTestId('resource-members-csv-errors')
        await expect(errors).toContainText('2行目「設備容量(kW)」')
        await expect(errors).toContainText('3行目「発電方式」')
        await page.locator('input[type=file]').setInputFiles({
          name: 'members.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`${header}\r\n屋根A,太陽光,GA1,９５０\r\n屋根B,陸上風力,GA2,500\r\n`),
        })
        await expect(page.getByText('2行を読み込みました。')).toBeVisible()
      }
      if (kind === 'dispatchOrder') {
        await field(page, '提供可能容量').fill('1500')
        for (const [i, id] of ['0312345678901234567890', '0312345678901234567891'].entries()) {
          await page.getByTestId('resource-sites-add').click()
          await page.getByLabel(`電源等リスト${i + 1}：名称`).fill(`工場${i + 1}`)
          await page.getByLabel(`電源等リスト${i + 1}：供給地点特定番号`).fill(id)
          await page.getByRole('combobox', { name: `電源等リスト${i + 1}：種別` }).click()
          await page.getByRole('option', { name: '需要抑制', exact: true }).click()
          await page.getByLabel(`電源等リスト${i + 1}：容量(kW)`).fill('800')
        }
      }
      await page.getByTestId('resource-next').click()
      const confirm = page.getByTestId('resource-confirm')
      await expect(confirm.getByRole('heading', { name: '申込内容の確認' })).toBeVisible()
      await expect(confirm).toContainText(name)
      await expect(confirm).toContainText(label)
      await expectAccessible(page)
      await page.getByTestId('resource-apply').click()
      await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
      const applicationUrl = new URL(page.url()).pathname

      // The operator reviews and approves in its own browser.
      const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
      const reviewer = await context.newPage()
      await login(reviewer, operator)
      await reviewer.goto(applicationUrl)
      await expect(reviewer.getByText(name).first()).toBeVisible()
      await reviewer.getByRole('button', { name: '審査開始' }).click()
      await reviewer.getByRole('button', { name: '承認' }).click()
      const approve = reviewer.getByRole('dialog', { name: '申込の承認' })
      await expect(approve).toContainText('電源等識別番号が発番され')
      await approve.getByRole('button', { name: '承認する' }).click()
      await expect(reviewer.getByTestId('application-state')).toHaveText('承認済')
      const issued = (await reviewer.getByTestId('application-issued').textContent()) ?? ''
      const code = /0[1-9][SVAD]\d{7}/.exec(issued)?.[0] ?? ''
      expect(code).toMatch(
        new RegExp(
          `^03${{ stable: 'S', variableSingle: 'V', variableAggregate: 'A', dispatchOrder: 'D' }[kind]}`,
        ),
      )
      await context.close()

      // The participant finds the resource and downloads its registration notice.
      await page.goto('/resources')
      await page.getByRole('link', { name: code }).click()
      await expect(page.getByTestId('resource-code')).toHaveText(code)
      const documents = page.getByTestId('resource-documents')
      await expect(documents).toContainText(`電源等登録通知書（${label}）`)
      const download = page.waitForEvent('download')
      await documents.getByRole('button', { name: 'PDF' }).click()
      const file = await download
      expect(file.suggestedFilename()).toMatch(/^RN\d{4}-\d{6}\.pdf$/)
      expect(
        readFileSync(await file.path())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
      await expectAccessible(page)
    })
  }

  test('[050] a returned resource registration is corrected and resubmitted', async ({
    page,
    browser,
    data,
  }) => {
    test.slow()
    const { admin } = await data.participant()
    const tag = unique().padStart(10, '0').slice(-10)
    const site = (m: number, kw: number) => ({
      name: `需要家工場${m}`,
      supplyPointId: `03${tag}${String(m).padStart(10, '0')}`,
      siteType: 'demandReduction',
      kw,
    })
    const api = await data.loggedIn(admin)
    const filed = await api.post('/api/v1/resources/registration-applications', {
      data: {
        submit: true,
        proposed: {
          kind: 'dispatchOrder',
          name: `E2E 差戻し ${tag}`,
          nameKana: 'コウジョウディーアール',
          area: 'tokyo',
          generationType: 'demandResponse',
          gridCode: `GC${tag}`,
          location: '東京都千代田区丸の内1-1-1',
          commissionedOn: '2015-04',
          supportScheme: 'none',
          offerableKw: 2000,
          sites: [site(1, 1100), site(2, 1200)],
        },
      },
    })
    expect(filed.status(), await filed.text()).toBe(201)
    const started = await data.review(await filed.json(), 'startReview')
    await data.review(started.application, 'return', '工場3を電源等リストに追加してください。')

    // The applicant opens the returned application and corrects it in the kind's form: the
    // site list loaded from a CSV file with a site inserted between the two.
    await login(page, admin)
    await page.goto(`/applications/${started.application.id}`)
    await expect(page.getByTestId('application-state')).toHaveText('差戻し')
    await page.getByRole('button', { name: '修正して再提出' }).click()
    const form = page.getByTestId('resource-form')
    await expect(field(page, '電源等の名称')).toHaveValue(`E2E 差戻し ${tag}`)
    await field(page, '提供可能容量').fill('2500')
    const row = (s: ReturnType<typeof site>) => `${s.name},${s.supplyPointId},需要抑制,${s.kw}`
    await form.getByTestId('resource-sites-csv').click()
    await page.locator('input[type=file]').setInputFiles({
      name: 'sites.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          '名称,供給地点特定番号,種別,容量(kW)',
          row(site(1, 1100)),
          row(site(3, 900)),
          row(site(2, 1200)),
          '',
        ].join('\r\n'),
      ),
    })
    await expect(page.getByText('3行を読み込みました。')).toBeVisible()
    await page.screenshot({ path: 'test-results/resource-correction-form.png', fullPage: true })
    await page.getByTestId('resource-next').click()
    const confirm = page.getByTestId('resource-confirm')
    await expect(confirm).toContainText('需要家工場3')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/resource-correction-confirm.png', fullPage: true })
    await confirm.getByRole('button', { name: '修正内容で再提出する' }).click()
    await expect(page.getByTestId('application-state')).toHaveText('申込済')

    // The operator sees what changed since the return: the inserted site as one added row.
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const reviewer = await context.newPage()
    await login(reviewer, await data.operator())
    await reviewer.goto(`/applications/${started.application.id}`)
    const since = reviewer.getByRole('table', { name: '差戻し時からの変更' })
    await expect(since.getByRole('row')).toHaveCount(3)
    await expect(since.getByRole('row', { name: /提供可能容量/ })).toContainText('2,500')
    await expect(since.getByRole('row', { name: /電源等リスト2（追加）/ })).toContainText(
      '需要家工場3',
    )
    await expectAccessible(reviewer)
    await reviewer.screenshot({
      path: 'test-results/resource-correction-review.png',
      fullPage: true,
    })
    await context.close()
  })
  test('[050] a resource is cancelled through the cancel dialog: the reason is required, then the application is filed', async ({
    page,
    data,
  }) => {
    const participant = await data.participant()
    const resource = await data.resource(participant.code, 'stable')
    const admin = participant.admin
    await login(page, admin)
    await page.goto(`/resources/${resource.id}`)
    await page.getByRole('button', { name: '廃止申込' }).click()
    const dialog = page.getByTestId('resource-cancel-form')
    await expect(dialog).toContainText(resource.code)
    await dialog.getByRole('button', { name: '廃止を申し込む' }).click()
    await expect(dialog.getByText('この項目は必須です')).toBeVisible()
    await field(page, '廃止理由').fill('設備の老朽化により運転を終了するため。')
    await dialog.getByRole('button', { name: '廃止を申し込む' }).click()
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]+$/)
    await expect(page.getByText('設備の老朽化により運転を終了するため。')).toBeVisible()
  })
})
