import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, Browser, Page } from '@playwright/test'
import {
  expect,
  expectAccessible,
  field,
  login,
  menu,
  test,
  type Credentials,
} from '../support/fixtures.ts'

/** A self-signed certificate made here with openssl (valid `days` days) and its key. */
function makeCertificate(days: number) {
  const dir = mkdtempSync(join(tmpdir(), 'yoryo-e2e-cert-'))
  try {
    const certPath = join(dir, 'c.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        certPath,
        '-days',
        String(days),
        '-subj',
        '/CN=yoryo-e2e',
      ],
      { stdio: 'ignore' },
    )
    const pem = readFileSync(certPath, 'utf8')
    const x509 = new X509Certificate(pem)
    return {
      pem: Buffer.from(pem),
      key: readFileSync(join(dir, 'k.pem')),
      serialNumber: x509.serialNumber.toUpperCase(),
      fingerprint: x509.fingerprint256.replaceAll(':', '').toUpperCase(),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The user list filtered to one user ID (parallel tests add users to the same participant). */
async function showUser(page: Page, userId: string) {
  await field(page, 'ユーザIDまたは氏名').fill(userId)
  await page.getByRole('button', { name: '検索', exact: true }).click()
  const table = page.getByRole('table', { name: 'ユーザ一覧' })
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.getByText(userId, { exact: true })).toBeVisible()
  return table.locator('tbody tr').first()
}

/** A row action of the user list, through its 操作 menu. */
async function userAction(page: Page, userId: string, action: string) {
  await page.getByRole('button', { name: `${userId}の操作` }).click()
  await page.getByRole('menuitem', { name: action }).click()
}

/** A second browser (another person) on the same system. */
async function otherBrowser(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
  })
  return { context, page: await context.newPage() }
}

/** Five wrong passwords in a row lock the user (010). */
async function lock(request: APIRequestContext, who: Credentials) {
  for (let i = 0; i < 5; i++) {
    await request.post('/api/v1/auth/login', {
      data: { participantCode: who.participantCode, userId: who.userId, password: `wrong-${i}` },
    })
  }
}

test.describe('users, permissions and client certificates (020 / A40 / 710)', () => {
  test('[020] an administrator registers a user; the user logs in with the one-time password and must change it', async ({
    page,
    data,
  }) => {
    // A long flow (argon2 on every login and password step): three times the default timeout.
    test.slow()
    const { admin } = await data.participant()
    await login(page, admin)
    await menu(page).getByRole('link', { name: 'ユーザ情報管理' }).click()
    await expect(page).toHaveURL(/\/users$/)
    await expect(page.getByRole('heading', { level: 1, name: 'ユーザ情報管理' })).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'ユーザ登録' }).click()
    const dialog = page.getByRole('dialog', { name: 'ユーザ登録' })
    await expect(dialog).toBeVisible()
    // Nothing filled in: every required field says so, with its message ID.
    await dialog.getByRole('button', { name: '登録する' }).click()
    await expect(dialog.getByText('E-COMMON-007').first()).toBeVisible()
    await expectAccessible(page)

    // A user ID already in use is refused on the field (E-USER-001).
    await field(page, 'ユーザID').fill(admin.userId)
    await field(page, '氏名').fill('山田 太郎')
    await field(page, 'メールアドレス').fill('yamada@example.jp')
    await field(page, '電話番号').fill('03-1234-5678')
    await dialog.getByRole('button', { name: '登録する' }).click()
    await expect(dialog.getByText('E-USER-001')).toBeVisible()
    await expect(field(page, 'ユーザID')).toBeFocused()

    const userId = `yamada${Date.now().toString(36)}`
    await field(page, 'ユーザID').fill(userId)
    await dialog.getByRole('radio', { name: '一般ユーザ' }).check()
    await dialog.getByRole('button', { name: '登録する' }).click()

    // The one-time password, shown once with a copy button and the note.
    const issued = page.getByRole('dialog', { name: 'ユーザを登録しました' })
    await expect(issued.getByText('I-USER-001')).toBeVisible()
    await expect(issued.getByTestId('one-time-password-user-id')).toHaveText(userId)
    await expect(issued.getByRole('button', { name: 'コピー' })).toBeVisible()
    await expect(issued.getByText('二度と表示できません')).toBeVisible()
    const password = await issued.getByTestId('one-time-password-value').inputValue()
    expect(password.length).toBeGreaterThanOrEqual(12)
    await expectAccessible(page)
    await issued.getByRole('button', { name: '控えたので閉じる' }).click()
    await expect(issued).toBeHidden()

    const row = await showUser(page, userId)
    await expect(row.getByText('有効')).toBeVisible()
    await expect(row.getByText('一般ユーザ')).toBeVisible()
    await expect(row.getByText('未ログイン')).toBeVisible()

    // The new user logs in with it and has to change it first.
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await expect(page).toHaveURL(/\/login/)
    await login(page, { participantCode: admin.participantCode, userId, password })
    await expect(page).toHaveURL(/\/password/)
    await expect(page.getByText('W-AUTH-003')).toBeVisible()
    await field(page, '現在のパスワード').fill(password)
    const next = 'Kanazawa#Autumn-2027'
    await field(page, '新しいパスワード').fill(next)
    await field(page, '新しいパスワード（確認）').fill(next)
    await page.getByRole('button', { name: '変更する' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByText('I-AUTH-002')).toBeVisible()
  })

  test('[020] change a user; a change made meanwhile by someone else is reported and reloaded', async ({
    page,
    data,
  }) => {
    const { admin, code } = await data.participant()
    const user = await data.user(code)
    await login(page, admin)
    await page.goto('/users')
    await showUser(page, user.userId)
    await userAction(page, user.userId, '変更')
    const dialog = page.getByRole('dialog', { name: 'ユーザ情報の変更' })
    await expect(dialog.getByText(user.userId, { exact: true })).toBeVisible()
    await field(page, '氏名').fill('変更 花子')

    // Another administrator saves the same user first.
    const origin = new URL(page.url()).origin
    const current = await (await page.request.get(`/api/v1/users/${user.id}`)).json()
    const res = await page.request.put(`/api/v1/users/${user.id}`, {
      headers: { origin },
      data: {
        name: '別の管理者が変更',
        email: current.email,
        phone: current.phone,
        role: current.role,
        validFrom: null,
        validTo: null,
        version: current.version,
      },
    })
    expect(res.status()).toBe(200)

    await dialog.getByRole('button', { name: '変更を保存' }).click()
    await expect(dialog.getByText('E-COMMON-004')).toBeVisible()
    await dialog.getByRole('button', { name: '最新の内容を読み込む' }).click()
    await expect(field(page, '氏名')).toHaveValue('別の管理者が変更')
    await field(page, '氏名').fill('変更 花子')
    // Dates are typed as yyyy/MM/dd whatever the browser's locale; 20300331 is read as such.
    await field(page, '有効期間終了日').fill('20300331')
    await field(page, '有効期間終了日').blur()
    await expect(field(page, '有効期間終了日')).toHaveValue('2030/03/31')
    await dialog.getByRole('button', { name: '変更を保存' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText('I-USER-002')).toBeVisible()
    const row = page.getByRole('table', { name: 'ユーザ一覧' }).locator('tbody tr').first()
    await expect(row.getByText('変更 花子')).toBeVisible()
    await expect(row.getByText('〜2030/03/31')).toBeVisible()
  })

  test('[020] unlock a locked user and reissue a password; cancel a user', async ({
    page,
    request,
    data,
  }) => {
    // A long flow (argon2 on every login and password step): three times the default timeout.
    test.slow()
    const { admin, code } = await data.participant()
    const user = await data.user(code)
    await lock(request, user)
    await login(page, admin)
    await page.goto('/users')
    const row = await showUser(page, user.userId)
    await expect(row.getByText('ロック中')).toBeVisible()

    await userAction(page, user.userId, 'ロック解除')
    const unlock = page.getByRole('dialog', { name: 'ロック解除' })
    await unlock.getByRole('button', { name: '解除する' }).click()
    await expect(page.getByText('I-USER-004')).toBeVisible()
    await expect(row.getByText('有効', { exact: true })).toBeVisible()

    await userAction(page, user.userId, 'パスワード再発行')
    const confirm = page.getByRole('dialog', { name: 'パスワード再発行' })
    await expect(confirm.getByText('ログイン中のセッションは終了します')).toBeVisible()
    await confirm.getByRole('button', { name: '再発行する' }).click()
    const issued = page.getByRole('dialog', { name: 'パスワードを再発行しました' })
    await expect(issued.getByText('I-USER-005')).toBeVisible()
    const password = await issued.getByTestId('one-time-password-value').inputValue()
    await issued.getByRole('button', { name: '控えたので閉じる' }).click()

    // The old password no longer works; the new one does, and must be changed at once.
    const res = await request.post('/api/v1/auth/login', {
      data: { participantCode: user.participantCode, userId: user.userId, password: user.password },
    })
    expect(res.status()).toBe(401)
    const login2 = await request.post('/api/v1/auth/login', {
      data: { participantCode: user.participantCode, userId: user.userId, password },
    })
    expect(login2.status()).toBe(200)
    expect((await login2.json()).mustChangePassword).toBe(true)

    await userAction(page, user.userId, '取消')
    const cancel = page.getByRole('dialog', { name: 'ユーザの取消' })
    await expect(cancel.getByText('取消は元に戻せません')).toBeVisible()
    await cancel.getByRole('button', { name: '取消する' }).click()
    await expect(page.getByText('I-USER-003')).toBeVisible()
    await expect(
      page.getByRole('table', { name: 'ユーザ一覧' }).locator('tbody tr').first().getByText('取消'),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: `${user.userId}の操作` })).toHaveCount(0)
  })

  test('[020] the user list exports the filtered list as CSV', async ({ page, data }) => {
    const { admin } = await data.participant()
    await login(page, admin)
    await page.goto('/users')
    await showUser(page, admin.userId)
    await page.getByRole('button', { name: 'CSV出力' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'UTF-8' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^users_\d{8}\.csv$/)
    const text = readFileSync(await file.path(), 'utf8')
    expect(text).toContain('ユーザID')
    expect(text).toContain(admin.userId)
    expect(text.trim().split(/\r?\n/)).toHaveLength(2)
    // Enumerations by their label, times in JST as yyyy/MM/dd HH:mm.
    expect(text).toContain(',管理者ユーザ,有効,')
    expect(text).toMatch(/,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}\r?\n?$/)
  })

  test('[020] every column of the user list sorts, by the server, in the URL', async ({
    page,
    data,
  }) => {
    const { admin } = await data.participant()
    await login(page, admin)
    await page.goto('/users')
    const table = page.getByRole('table', { name: 'ユーザ一覧' })
    for (const [header, sort] of [
      ['ユーザID', 'userId'],
      ['氏名', 'name'],
      ['ロール', 'role'],
      ['状態', 'status'],
      ['メールアドレス', 'email'],
    ] as const) {
      await table.getByRole('button', { name: header, exact: true }).click()
      await expect(page).toHaveURL(new RegExp(`sort=${sort}(&|$)`))
      await expect(table.getByRole('columnheader', { name: header })).toHaveAttribute(
        'aria-sort',
        'ascending',
      )
    }
    // An e-mail address too long for its column is cut, with the whole address as its tooltip.
    const email = table.locator('td.yoryo-cell-truncate[title*="@"]').first()
    await expect(email).toBeVisible()
    expect(await email.getAttribute('title')).toBe(await email.textContent())
  })

  test('[020] the user list follows the width plan: at 1280 px every column is in view and the e-mail column has its share; at 390 px it scrolls', async ({
    page,
    data,
  }) => {
    test.slow()
    await login(page, await data.operator())
    for (const [language, tableName, emailName, actionsName] of [
      ['ja', 'ユーザ一覧', 'メールアドレス', '操作'],
      ['en', 'Users', 'E-mail', 'Actions'],
    ] as const) {
      // The language a user chose before (kept in the browser), then the screen afresh.
      await page.evaluate(
        (chosen) =>
          (
            globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
          ).localStorage.setItem('yoryo.language', chosen),
        language,
      )
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.goto('/users')
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      const table = page.getByRole('table', { name: tableName })
      await expect(table.locator('tbody tr').first()).toBeVisible()
      const container = page.locator('.yoryo-table-container').first()
      // Nine columns for the operator, the last still on screen; e-mail not squeezed.
      await expect(table.getByRole('columnheader', { name: actionsName })).toBeInViewport()
      expect(await container.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      const email = await table.getByRole('columnheader', { name: emailName }).boundingBox()
      expect(email?.width).toBeGreaterThanOrEqual(140)
      if (language === 'ja') await expectAccessible(page)
      await page.screenshot({ path: test.info().outputPath(`users-1280-${language}.png`) })

      // A phone: the table keeps its plan and scrolls inside its container.
      await page.setViewportSize({ width: 390, height: 844 })
      await expect(table).toBeVisible()
      expect(await container.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
      await page.screenshot({ path: test.info().outputPath(`users-390-${language}.png`) })
    }
  })

  test('[020] the operator lists another participant’s users through the participant filter', async ({
    page,
    data,
  }) => {
    const operator = await data.operator()
    const other = await data.participant()
    const user = await data.user(other.code)
    await login(page, operator)
    await menu(page).getByRole('link', { name: 'ユーザ情報管理' }).click()
    // Searched by its code: the test's participant is one of many.
    await page.getByRole('combobox', { name: '事業者' }).fill(other.code)
    await page.getByRole('option', { name: new RegExp(other.code) }).click()
    await field(page, 'ユーザIDまたは氏名').fill(user.userId)
    await page.getByRole('button', { name: '検索', exact: true }).click()
    const table = page.getByRole('table', { name: 'ユーザ一覧' })
    await expect(table.locator('tbody tr')).toHaveCount(1)
    await expect(table.getByText(other.code)).toBeVisible()
    await expect(page).toHaveURL(/participant=/)
    await expectAccessible(page)
  })

  test('[A40] the administrator grants view on a function group; the user’s menu follows', async ({
    page,
    browser,
    baseURL,
    data,
  }) => {
    // A long flow (argon2 on every login and password step): three times the default timeout.
    test.slow()
    const { admin, code } = await data.participant()
    const user = await data.user(code)
    const other = await otherBrowser(browser, baseURL)
    await login(other.page, user)
    // Participant information (030) needs view on 030: not yet.
    await expect(menu(other.page).getByRole('link', { name: 'ポータルトップ' })).toBeVisible()
    await expect(
      menu(other.page).getByRole('link', { name: '事業者情報', exact: true }),
    ).toHaveCount(0)

    await login(page, admin, '/delivery/login')
    await menu(page).getByRole('link', { name: 'ユーザ権限管理' }).click()
    await expect(page).toHaveURL(/\/delivery\/permissions/)
    await expectAccessible(page)
    await page.getByRole('combobox', { name: '対象ユーザ（一般ユーザ）' }).click()
    await page.keyboard.type(user.userId)
    await page.getByRole('option', { name: new RegExp(user.userId) }).click()
    const view030 = page.getByRole('checkbox', { name: '事業者情報管理の参照' })
    await expect(view030).not.toBeChecked()
    await expect(page.getByTestId('permission-state')).toHaveText('保存済み')

    // Edit implies view; unticking view unticks edit.
    const edit050 = page.getByRole('checkbox', { name: '電源等情報管理の編集' })
    const view050 = page.getByRole('checkbox', { name: '電源等情報管理の参照' })
    await edit050.check()
    await expect(view050).toBeChecked()
    await view050.uncheck()
    await expect(edit050).not.toBeChecked()

    // Keyboard: Space ticks, the arrow keys move between the boxes.
    await view030.focus()
    await page.keyboard.press('Space')
    await expect(view030).toBeChecked()
    await page.keyboard.press('ArrowDown')
    await expect(view050).toBeFocused()
    await expect(page.getByTestId('permission-state')).toHaveText('未保存の変更があります')
    await expectAccessible(page)
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect(page.getByText('I-USER-006')).toBeVisible()
    await expect(page.getByTestId('permission-state')).toHaveText('保存済み')

    // The user's session now has the right, and the menu shows the entry.
    const me = await (await other.page.request.get('/api/v1/auth/me')).json()
    const right = me.permissions.find((p: { functionGroup: string }) => p.functionGroup === '030')
    expect(right).toMatchObject({ canView: true, canEdit: false })
    await other.page.reload()
    await expect(
      menu(other.page).getByRole('link', { name: '事業者情報', exact: true }),
    ).toBeVisible()

    // Taken away again: the entry disappears.
    await view030.uncheck()
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect(page.getByTestId('permission-state')).toHaveText('保存済み')
    await other.page.reload()
    await expect(menu(other.page).getByRole('link', { name: 'ポータルトップ' })).toBeVisible()
    await expect(
      menu(other.page).getByRole('link', { name: '事業者情報', exact: true }),
    ).toHaveCount(0)
    await other.context.close()
  })

  test('[710] the administrator registers a client certificate from a PEM file, renews it and revokes the old one', async ({
    page,
    data,
  }) => {
    // A long flow (argon2 on every login and password step): three times the default timeout.
    test.slow()
    const { admin, code } = await data.participant()
    const user = await data.user(code)
    const certificate = makeCertificate(20)
    await login(page, admin)
    await menu(page).getByRole('link', { name: 'クライアント証明書管理' }).click()
    await expect(page).toHaveURL(/\/client-certificates$/)
    await expectAccessible(page)

    await page.getByRole('button', { name: '証明書の登録' }).click()
    const dialog = page.getByRole('dialog', { name: 'クライアント証明書の登録' })
    // Nothing chosen: the select asks to choose (not "the format is wrong").
    await dialog.getByRole('button', { name: '登録する' }).click()
    await expect(dialog.getByText('E-COMMON-013')).toBeVisible()
    await expect(dialog.getByText('選択してください。')).toBeVisible()
    await dialog.getByRole('combobox', { name: '対象ユーザ' }).click()
    await page.keyboard.type(user.userId)
    await page.getByRole('option', { name: new RegExp(user.userId) }).click()
    // A private key is refused before anything is sent.
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'k.pem',
      mimeType: 'application/x-pem-file',
      buffer: certificate.key,
    })
    await expect(dialog.getByText('E-CERT-004')).toBeVisible()
    // Submitting says so again: the file is not a certificate, not "missing".
    await dialog.getByRole('button', { name: '登録する' }).click()
    await expect(dialog.getByText('E-CERT-004')).toBeVisible()
    await expect(dialog.getByText('証明書ファイルとして登録できません')).toBeVisible()
    await expect(dialog.getByText('E-COMMON-007')).toHaveCount(0)
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'c.pem',
      mimeType: 'application/x-pem-file',
      buffer: certificate.pem,
    })
    await expect(dialog.getByText('E-CERT-004')).toHaveCount(0)
    await expectAccessible(page)
    await dialog.getByRole('button', { name: '登録する' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText('I-CERT-001')).toBeVisible()

    await field(page, 'ユーザID・シリアル番号・フィンガープリント').fill(user.userId)
    await page.getByRole('button', { name: '検索', exact: true }).click()
    const table = page.getByRole('table', { name: 'クライアント証明書一覧' })
    await expect(table.locator('tbody tr')).toHaveCount(1)
    const row = (c: { fingerprint: string }) =>
      table.locator('tbody tr', { hasText: c.fingerprint.slice(0, 8) })
    await expect(row(certificate).getByText(user.userId)).toBeVisible()
    await expect(row(certificate).getByText('有効', { exact: true })).toBeVisible()
    // 20 days left: flagged as expiring soon.
    await expect(row(certificate).getByTestId('expiring-soon')).toHaveText('期限間近')
    await expectAccessible(page)

    const action = async (c: { serialNumber: string }, item: string) => {
      await table
        .getByRole('button', { name: `シリアル番号${c.serialNumber}の証明書の操作` })
        .click()
      await page.getByRole('menuitem', { name: item }).click()
    }
    // Renewal: the new certificate beside the old one, for the same user.
    const renewed = makeCertificate(365)
    await action(certificate, '更新')
    const renew = page.getByRole('dialog', { name: 'クライアント証明書の更新' })
    await expect(renew.getByText(user.userId)).toBeVisible()
    await renew.locator('input[type=file]').setInputFiles({
      name: 'renewed.pem',
      mimeType: 'application/x-pem-file',
      buffer: renewed.pem,
    })
    await renew.getByRole('button', { name: '登録する' }).click()
    await expect(renew).toBeHidden()
    await expect(table.locator('tbody tr')).toHaveCount(2)
    await expect(row(renewed).getByTestId('expiring-soon')).toHaveCount(0)

    // The old one is revoked.
    await action(certificate, '失効')
    const confirm = page.getByRole('dialog', { name: 'クライアント証明書の失効' })
    await expect(confirm.getByText(certificate.serialNumber)).toBeVisible()
    await confirm.getByRole('button', { name: '失効させる' }).click()
    await expect(page.getByText('I-CERT-003')).toBeVisible()
    await expect(row(certificate).getByText('失効', { exact: true })).toBeVisible()
    await expect(row(renewed).getByText('有効', { exact: true })).toBeVisible()
  })

  test('[710] a wrong certificate information file is refused with every bad row and column', async ({
    page,
    data,
  }) => {
    const { admin } = await data.participant()
    await login(page, admin)
    await page.goto('/client-certificates')
    await page.getByRole('button', { name: '証明書情報ファイルの取込' }).click()
    const dialog = page.getByRole('dialog', { name: '証明書情報ファイルの取込' })
    const csv =
      'ユーザID,シリアル番号,SHA-256フィンガープリント,有効期間開始,有効期間終了\r\n' +
      `${admin.userId},XYZ,${'AB'.repeat(32)},2026/04/01,2026/13/01\r\n` +
      `no-such-user,01,${'CD'.repeat(32)},2026/04/01,2099/03/31\r\n`
    await dialog.locator('input[type=file]').setInputFiles({
      name: '証明書情報.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    await dialog.getByRole('button', { name: 'アップロード' }).click()
    const result = dialog.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'failed')
    await expect(result.getByText('E-BULK-001')).toBeVisible()
    const [errorFile] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('button', { name: 'エラーファイル' }).click(),
    ])
    const lines = new TextDecoder('shift_jis')
      .decode(readFileSync((await errorFile.path()) as string))
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',').slice(0, 4).join(','))
    expect(lines).toEqual([
      '2,シリアル番号,XYZ,E-CERT-008',
      '2,有効期間終了,2026/13/01,E-CERT-010',
      '3,ユーザID,no-such-user,E-CERT-007',
    ])
    // Nothing of the file was imported.
    await dialog.getByRole('button', { name: '閉じる' }).click()
    await field(page, 'ユーザID・シリアル番号・フィンガープリント').fill('CD'.repeat(32))
    await page.getByRole('button', { name: '検索', exact: true }).click()
    await expect(page.getByText('条件に一致するクライアント証明書はありません。')).toBeVisible()
    await expectAccessible(page)
  })

  test('[020] a general user has no menu entry and gets the 403 screen on the URLs', async ({
    page,
    data,
  }) => {
    const user = await data.user((await data.participant()).code)
    await login(page, user)
    await expect(menu(page).getByRole('link', { name: 'ポータルトップ' })).toBeVisible()
    await expect(menu(page).getByRole('link', { name: 'ユーザ情報管理' })).toHaveCount(0)
    await expect(menu(page).getByRole('link', { name: 'クライアント証明書管理' })).toHaveCount(0)
    const forbidden = page.getByRole('heading', { name: 'この画面を利用する権限がありません' })
    await page.goto('/users')
    await expect(forbidden).toBeVisible()
    await page.goto('/client-certificates')
    await expect(forbidden).toBeVisible()
    await page.goto('/delivery/permissions')
    await expect(forbidden).toBeVisible()
    await expect(menu(page).getByRole('link', { name: 'ユーザ権限管理' })).toHaveCount(0)
  })
})
