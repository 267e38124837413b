import { demo, expect, expectAccessible, field, login, menu, test } from '../support/fixtures.ts'

test.describe('delivery SPA (実需給期間向け機能)', () => {
  test('[A20] one session: from the pre-delivery portal to the delivery portal without a new login', async ({
    page,
  }) => {
    await login(page, demo.p1Admin)
    await page.getByRole('link', { name: '実需給期間向け機能へ' }).click()
    await expect(page).toHaveURL(/\/delivery\/?$/)
    await expect(page.getByRole('main').getByText('P00001').first()).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: '実需給期間前向け機能へ' }).click()
    await expect(page).toHaveURL(/\/$/)
  })

  test('[A20] login on the delivery SPA, and logout there ends the pre-delivery session too', async ({
    page,
    data,
  }) => {
    const user = await data.user((await data.participant()).code)
    await page.goto('/delivery/')
    await expect(page).toHaveURL(/\/delivery\/login/)
    await expectAccessible(page)
    await login(page, user, '/delivery/login')
    await expect(page).toHaveURL(/\/delivery\/?$/)
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await expect(page).toHaveURL(/\/delivery\/login/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/login/)
  })

  test('[A20] attachments: attach a file, see it listed, download it, delete it', async ({
    page,
    data,
  }) => {
    // Attaching needs the edit right on the participant's function group (030): an administrator.
    const user = await data.user((await data.participant()).code, { role: 'participantAdmin' })
    await login(page, user, '/delivery/login')
    await menu(page).getByRole('link', { name: '添付ファイル' }).click()
    await expect(page).toHaveURL(/\/delivery\/attachments/)
    const fileName = `設備点検報告書-${Date.now()}.pdf`
    await page.locator('input[type=file]').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Yoryo e2e attachment\n'),
    })
    await page.getByRole('button', { name: '添付する' }).click()
    const table = page.getByRole('table', { name: '添付ファイル一覧' })
    await expect(table.getByText(fileName)).toBeVisible()
    await expectAccessible(page)

    const download = page.waitForEvent('download')
    await table.getByRole('link', { name: `${fileName}をダウンロード` }).click()
    expect((await download).suggestedFilename()).toBe(fileName)

    await table.getByRole('button', { name: `${fileName}を削除` }).click()
    await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click()
    await expect(table.getByText(fileName)).toHaveCount(0)
  })

  test('[A20] a file of a type not allowed is refused before upload', async ({ page, data }) => {
    const user = await data.user((await data.participant()).code, { role: 'participantAdmin' })
    await login(page, user, '/delivery/login')
    await page.goto('/delivery/attachments')
    await page.locator('input[type=file]').setInputFiles({
      name: 'tool.exe',
      mimeType: 'application/x-msdownload',
      buffer: Buffer.from('MZ'),
    })
    await expect(page.getByText('E-ATTACH-002')).toBeVisible()
  })

  test('[G30] the message catalogue and the not-found screen', async ({ page }) => {
    await login(page, demo.p1User, '/delivery/login')
    await menu(page).getByRole('link', { name: 'メッセージ一覧' }).click()
    await expect(page).toHaveURL(/\/delivery\/messages/)
    await field(page, 'メッセージIDまたは本文').fill('ファイルサイズ')
    await expect(
      page.getByRole('table', { name: 'メッセージ一覧' }).getByText('E-ATTACH-001'),
    ).toBeVisible()
    await page.goto('/delivery/no-such-screen')
    await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible()
  })
})
