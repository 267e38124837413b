import type { Page } from '@playwright/test'
import {
  expect,
  expectAccessible,
  field,
  login,
  menu,
  randomCorporateNumber,
  systemUseFiling,
  test,
  uniqueTag,
} from '../support/fixtures.ts'

/**
 * The application-review workflow in a real browser, one step of it per test, each test
 * starting from the state it needs made by the fixtures (`data.systemUseApplication()`,
 * `data.approvedParticipant()`, `data.changeApplication()`): a company applies for system use
 * (700) without a login; the operator returns an application; the applicant corrects and
 * resubmits it; the operator approves one and hands over the one-time password; a new
 * administrator changes its password and applies to change the bank account (030); the operator
 * approves a change; the audit log (020) has every step.
 */

/** The same number with a wrong check digit (E-PART-002). */
function withWrongCheckDigit(corporateNumber: string): string {
  const check = Number(corporateNumber[0])
  return `${(check % 9) + 1}${corporateNumber.slice(1)}`
}

/** Finds the application in the list by its receipt number (the list's filter) and opens it. */
async function openApplication(page: Page, receiptNo: string, query: string) {
  await page.goto(`/applications?${query}&sort=-submittedAt`)
  const filters = page.getByRole('search', { name: '検索条件' })
  await filters.getByLabel('受付番号').fill(receiptNo.slice(-5).toLowerCase())
  await filters.getByRole('button', { name: '検索' }).click()
  await expect(page).toHaveURL(new RegExp(`receiptNo=${receiptNo.slice(-5)}`))
  const table = page.getByRole('table', { name: '申込一覧' })
  await table.getByRole('link', { name: receiptNo }).click()
  await expect(page.getByTestId('application-receipt-no')).toHaveText(receiptNo)
}

test.describe('[700] [030] system use application and participant information', () => {
  test.describe.configure({ timeout: 90_000 })

  test('[700] a company applies without a login, with the check digit checked on the form', async ({
    page,
  }) => {
    const tag = uniqueTag()
    const corporateNumber = randomCorporateNumber()
    const company = {
      name: `あおぞら電力株式会社 ${tag}`,
      nameKana: 'あおぞらでんりょく', // hiragana: turned into katakana when leaving the field
      nameEn: `Aozora Power Co., Ltd. ${tag}`,
      postalCode: '１０００００５', // full width: normalised to 100-0005
      address: '東京都千代田区丸の内2-2-2',
      representativeTitle: '代表取締役',
      representativeName: '青空 一郎',
      contactDepartment: '電力取引部 容量市場グループ',
      contactName: '青空 花子',
      contactEmail: `capacity-${tag.toLowerCase()}@aozora.example`,
      contactPhone: '03-1111-2222',
      bankCode: '0001',
      bankBranchCode: '001',
      bankAccountNumber: '1234567',
    }
    const administrator = {
      userId: 'aozora-admin',
      name: '青空 花子',
      email: `admin-${tag.toLowerCase()}@aozora.example`,
      phone: '03-1111-2223',
    }
    await page.goto('/login')
    await page.getByRole('link', { name: '容量市場システムの利用申込（新規の事業者）' }).click()
    await expect(page).toHaveURL(/\/apply$/)
    await expect(page).toHaveTitle(/\[700\] 容量市場システム利用申込/)
    await expectAccessible(page)

    await field(page, '事業者名').fill(company.name)
    await field(page, '事業者名（カナ）').fill(company.nameKana)
    await field(page, '事業者名（英語）').fill(company.nameEn)
    await field(page, '法人番号').fill(withWrongCheckDigit(corporateNumber))
    await field(page, '郵便番号').fill(company.postalCode)
    await field(page, '所在地').fill(company.address)
    await field(page, '代表者役職').fill(company.representativeTitle)
    await field(page, '代表者氏名').fill(company.representativeName)
    await page.getByRole('radio', { name: '発電' }).check()
    await field(page, '担当部署').fill(company.contactDepartment)
    await field(page, '担当者氏名').fill(company.contactName)
    await field(page, '担当者メールアドレス').fill(company.contactEmail)
    await field(page, '担当者電話番号').fill(company.contactPhone)
    await field(page, '金融機関コード').fill(company.bankCode)
    await field(page, '支店コード').fill(company.bankBranchCode)
    await page.getByRole('radio', { name: '普通' }).check()
    await field(page, '口座番号').fill(company.bankAccountNumber)
    // Kanji cannot be written in half-width kana: refused (E-PART-008).
    await field(page, '口座名義（半角カナ）').fill('青空電力')
    await field(page, 'ユーザID').fill(administrator.userId)
    await field(page, '氏名').fill(administrator.name)
    await field(page, 'メールアドレス').fill(administrator.email)
    await field(page, '電話番号').fill(administrator.phone)
    await page.getByRole('button', { name: '入力内容を確認する' }).click()

    // Checked on the form with the contract's schema: field messages with their IDs.
    await expect(page.getByText('E-PART-002')).toBeVisible()
    await expect(page.getByText('E-PART-008')).toBeVisible()
    await expect(field(page, '事業者名（カナ）')).toHaveValue('アオゾラデンリョク')
    await expect(field(page, '郵便番号')).toHaveValue('100-0005')
    await expectAccessible(page)
    await field(page, '法人番号').fill(corporateNumber)
    // Hiragana is written as banks want it (the operator will ask for the (ｶ of 株式会社 too).
    await field(page, '口座名義（半角カナ）').fill('あおぞらでんりょく')
    await field(page, '口座名義（半角カナ）').blur()
    await expect(field(page, '口座名義（半角カナ）')).toHaveValue('ｱｵｿﾞﾗﾃﾞﾝﾘﾖｸ')
    await page.getByRole('button', { name: '入力内容を確認する' }).click()

    const confirm = page.getByTestId('system-use-confirm')
    await expect(confirm.getByRole('heading', { name: '入力内容の確認' })).toBeVisible()
    await expect(confirm.getByText(corporateNumber)).toBeVisible()
    await expect(confirm.getByText('ｱｵｿﾞﾗﾃﾞﾝﾘﾖｸ')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: '申し込む' }).click()

    await expect(page.getByText('I-APP-001')).toBeVisible()
    await expect(page.getByTestId('access-key-once')).toContainText('この画面でのみ表示されます')
    const receiptNo = await page.getByTestId('receipt-no').inputValue()
    const accessKey = await page.getByTestId('access-key').inputValue()
    expect(receiptNo).toMatch(/^A\d{8}-[0-9A-Z]{5}$/)
    expect(accessKey.length).toBeGreaterThanOrEqual(20)
    // Shown in groups of four, without look-alikes (0/O, 1/I/l).
    expect(accessKey).toMatch(/^([2-9A-HJ-NP-Z]{4}-){5}[2-9A-HJ-NP-Z]{4}$/)
    await expect(page.getByText(`受付番号は ${receiptNo} です。`)).toBeVisible()
    await expectAccessible(page)

    // The application form (701) as a PDF, through the API with the access key.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '申込書（PDF）をダウンロード' }).click()
    expect((await download).suggestedFilename()).toBe(`${receiptNo}.pdf`)

    // The same company cannot apply twice while the application is open (E-PART-011).
    const again = await page.request.post('/api/v1/applications/system-use', {
      headers: { origin: new URL(page.url()).origin },
      data: {
        participant: {
          ...company,
          nameKana: 'アオゾラデンリョク',
          postalCode: '100-0005',
          corporateNumber,
          licenseCategory: 'generation',
          bankAccountType: 'ordinary',
          bankAccountHolder: 'ｱｵｿﾞﾗﾃﾞﾝﾘﾖｸ',
        },
        administrator,
      },
    })
    expect(again.status()).toBe(400)
    expect(JSON.stringify(await again.json())).toContain('E-PART-011')
  })

  test('[700] the operator sees a new application in the review queue and returns it with a comment', async ({
    page,
    data,
  }) => {
    const application = await data.systemUseApplication()
    const returnComment =
      '口座名義が法人名の表記と一致しません。通帳の表記どおりに修正してください。'
    await login(page, await data.operator())
    const queue = page.getByTestId('portal-review-queue')
    await expect(queue).toBeVisible()
    await queue.getByRole('link', { name: '審査待ちの一覧へ' }).click()
    await expect(page).toHaveURL(/\/applications\?state=queue/)
    await expect(page.getByRole('heading', { name: '申込一覧', level: 1 })).toBeVisible()
    await expect(page.getByRole('table', { name: '申込一覧' })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/030-applications-list.png', fullPage: true })

    await openApplication(page, application.receiptNo, 'state=queue')
    await expect(page.getByRole('heading', { name: '容量市場システム利用申込' })).toBeVisible()
    await expect(page.getByTestId('application-state')).toHaveText('申込済')
    await expect(page.getByTestId('application-content')).toContainText(
      application.filing.participant.corporateNumber,
    )
    await expectAccessible(page)

    await page.getByRole('button', { name: '審査開始' }).click()
    await expect(page.getByTestId('application-state')).toHaveText('審査中')
    await page.getByRole('button', { name: '差戻し' }).click()
    const dialog = page.getByRole('dialog', { name: '申込の差戻し' })
    await dialog.getByRole('button', { name: '差し戻す' }).click()
    await expect(dialog.getByText('E-APP-002')).toBeVisible()
    await expectAccessible(page)
    await dialog.getByLabel(/^コメント/).fill(returnComment)
    await dialog.getByRole('button', { name: '差し戻す' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('application-state')).toHaveText('差戻し')
    await expect(page.getByTestId('application-history')).toContainText(returnComment)
  })

  test('[700] the applicant reads the comment of a returned application, corrects it and resubmits it', async ({
    page,
    data,
  }) => {
    const filing = systemUseFiling()
    filing.participant.bankAccountHolder = 'ｼｹﾝﾃﾞﾝﾘﾖｸ'
    const returnComment =
      '口座名義が法人名の表記と一致しません。通帳の表記どおりに修正してください。'
    const application = await data.systemUseApplication({
      state: 'returned',
      returnComment,
      filing,
    })
    await page.goto('/apply/status')
    await expect(page).toHaveTitle(/\[700\] 利用申込の状況確認/)
    await expectAccessible(page)
    // A wrong key tells nothing about the application.
    await field(page, '受付番号').fill(application.receiptNo)
    await field(page, 'アクセスキー').fill('this-is-not-the-right-access-key')
    await page.getByRole('button', { name: '照会する' }).click()
    await expect(page.getByText('E-APP-006')).toBeVisible()
    await expect(page.getByText('受付番号またはアクセスキーが正しくありません')).toBeVisible()
    await field(page, 'アクセスキー').fill(application.accessKey)
    await page.getByRole('button', { name: '照会する' }).click()

    await expect(page.getByTestId('system-use-state')).toHaveText('差戻し')
    await expect(page.getByTestId('returned-note')).toContainText(returnComment)
    await expect(page.getByTestId('system-use-history-list')).toContainText('差戻し')
    // The operator's side is 広域機関, never a staff member's name (test users are 試験 e2e…).
    await expect(page.getByTestId('system-use-history-list')).toContainText('広域機関')
    await expect(page.getByTestId('system-use-history-list')).not.toContainText('e2e')
    await expectAccessible(page)

    await page.getByRole('button', { name: '修正して再提出' }).click()
    const correction = page.getByTestId('system-use-correction')
    await expect(field(page, '事業者名')).toHaveValue(filing.participant.name)
    await field(page, '口座名義（半角カナ）').fill('ｼｹﾝﾃﾞﾝﾘﾖｸ(ｶ')
    await expectAccessible(page)
    await correction.getByRole('button', { name: '修正内容で再提出する' }).click()
    await expect(page.getByTestId('done-notice')).toContainText('申込を再提出しました。')
    await expect(page.getByTestId('system-use-state')).toHaveText('申込済')
    await expect(page.getByTestId('system-use-content-view')).toContainText('ｼｹﾝﾃﾞﾝﾘﾖｸ(ｶ')
  })

  test('[700] the operator approves a resubmitted application and sees the one-time password once', async ({
    page,
    data,
  }) => {
    const application = await data.systemUseApplication({ state: 'resubmitted' })
    await login(page, await data.operator())
    await openApplication(page, application.receiptNo, 'state=queue')
    await expect(page.getByTestId('application-history')).toContainText('再提出')
    await page.getByRole('button', { name: '審査開始' }).click()
    await page.getByRole('button', { name: '承認' }).click()
    const confirm = page.getByRole('dialog', { name: '申込の承認' })
    await expect(confirm).toContainText('事業者コードが発番され')
    await confirm.getByRole('button', { name: '承認する' }).click()

    const issued = page.getByRole('dialog', { name: '事業者コードと初期パスワードの通知' })
    await expect(issued).toContainText('二度と表示できません')
    const participantCode = await issued.getByTestId('issued-participant-code').inputValue()
    const userId = await issued.getByTestId('issued-user-id').inputValue()
    const password = await issued.getByTestId('issued-password').inputValue()
    expect(participantCode).toMatch(/^P\d{5}$/)
    expect(userId).toBe(application.filing.administrator.userId)
    expect(password.length).toBeGreaterThanOrEqual(12)
    await expect(issued.getByRole('button', { name: '初期パスワードをコピー' })).toBeVisible()
    await expectAccessible(page)
    await issued.getByRole('button', { name: '内容を控えました' }).click()
    await expect(issued).toBeHidden()
    await expect(page.getByTestId('application-state')).toHaveText('承認済')
    await expect(page.getByTestId('application-issued')).toContainText(participantCode)
    // Shown once: after a reload the password is nowhere.
    await page.reload()
    await expect(page.getByTestId('application-state')).toHaveText('承認済')
    await expect(page.getByText(password)).toHaveCount(0)

    // The applicant's status page shows the issued participant code.
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await page.goto('/apply/status')
    await field(page, '受付番号').fill(application.receiptNo)
    await field(page, 'アクセスキー').fill(application.accessKey)
    await page.getByRole('button', { name: '照会する' }).click()
    await expect(page.getByTestId('system-use-state')).toHaveText('承認済')
    await expect(page.getByTestId('system-use-participant-code')).toHaveText(participantCode)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/700-status-approved.png', fullPage: true })
  })

  test('[030] a new administrator changes its password at the first login and applies to change the bank account', async ({
    page,
    data,
  }) => {
    const participant = await data.participant()
    const admin = await data.user(participant.code, {
      role: 'participantAdmin',
      mustChangePassword: true,
    })
    const newPassword = `Shiken#Spring-${uniqueTag()}`
    await login(page, admin)
    await expect(page).toHaveURL(/\/password/)
    await field(page, '現在のパスワード').fill(admin.password)
    await field(page, '新しいパスワード').fill(newPassword)
    await field(page, '新しいパスワード（確認）').fill(newPassword)
    await page.getByRole('button', { name: '変更する' }).click()
    await expect(page).toHaveURL(/\/$/)

    await menu(page).getByRole('link', { name: '事業者情報' }).click()
    await expect(page).toHaveURL(/\/participant$/)
    const info = page.getByTestId('participant-info')
    await expect(info.getByTestId('participant-code')).toHaveText(participant.code)
    await expect(info.getByTestId('profile-bankAccountNumber')).toHaveText('1234567')
    await expect(info.getByTestId('profile-bankAccountHolder')).toHaveText('ﾃｽﾄﾃﾞﾝﾘﾖｸ(ｶ')
    await expectAccessible(page)

    await page.getByRole('button', { name: '変更申込' }).click()
    await expect(page).toHaveURL(/\/participant\/change$/)
    await expect(field(page, '事業者名')).toHaveValue(participant.name)
    await field(page, '金融機関コード').fill('0001')
    await field(page, '支店コード').fill('123')
    await page.getByRole('radio', { name: '当座' }).check()
    await field(page, '口座番号').fill('7654321')
    await expect(page.getByTestId('change-count')).toHaveText('変更する項目：4件')
    await expectAccessible(page)
    await page.getByRole('button', { name: '確認へ進む' }).click()

    // 確認: the four items, current beside new; back keeps the input.
    const confirm = page.getByTestId('participant-change-confirm')
    await expect(confirm.getByRole('heading', { name: '変更内容の確認' })).toBeFocused()
    const items = confirm.getByRole('table', { name: '変更する項目' })
    await expect(items.getByRole('row')).toHaveCount(5)
    await expect(items.getByRole('row', { name: /口座番号/ })).toContainText('1234567')
    await expect(items.getByRole('row', { name: /口座番号/ })).toContainText('7654321')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/030-change-confirm.png', fullPage: true })
    await confirm.getByRole('button', { name: '入力画面に戻る' }).click()
    await expect(field(page, '口座番号')).toHaveValue('7654321')
    await page.getByRole('button', { name: '確認へ進む' }).click()
    await confirm.getByRole('button', { name: 'この内容で申し込む' }).click()

    await expect(page.getByText('I-APP-001')).toBeVisible()
    await expect(page.getByRole('heading', { name: '事業者情報の変更申込' })).toBeVisible()
    await expect(page.getByTestId('application-state')).toHaveText('申込済')
    await expect(page.getByTestId('changed-count')).toHaveText('変更のある項目：4件')
    await expectAccessible(page)
  })

  test('[030] the operator approves a change of the bank account; the participant information shows the new account', async ({
    page,
    data,
    browser,
  }) => {
    const participant = await data.participant()
    const change = await data.changeApplication(participant.admin, {
      bankBranchCode: '123',
      bankAccountType: 'current',
      bankAccountNumber: '7654321',
    })
    await login(page, await data.operator())
    await openApplication(page, change.receiptNo, 'state=queue')
    const bank = page.getByRole('table', { name: /支払先口座/ })
    const changedRow = bank.getByRole('row', { name: /口座番号/ })
    await expect(changedRow).toContainText('1234567')
    await expect(changedRow).toContainText('7654321')
    await expect(changedRow).toContainText('変更あり')
    await page.getByLabel('変更のある項目のみ表示').check()
    await expect(page.getByRole('table', { name: /基本情報/ })).toHaveCount(0)
    await expectAccessible(page)
    await page.getByRole('button', { name: '審査開始' }).click()
    await page.getByRole('button', { name: '承認' }).click()
    await page
      .getByRole('dialog', { name: '申込の承認' })
      .getByRole('button', { name: '承認する' })
      .click()
    await expect(page.getByTestId('application-state')).toHaveText('承認済')

    // The operator reads the participant (read only).
    await menu(page).getByRole('link', { name: '事業者一覧' }).click()
    await field(page, '事業者コード・事業者名').fill(participant.code)
    await page.getByRole('button', { name: '検索' }).click()
    const participants = page.getByRole('table', { name: '事業者一覧' })
    await expect(participants.getByRole('row')).toHaveCount(2)
    await expectAccessible(page)
    await participants.getByRole('link', { name: participant.code }).click()
    await expect(page.getByTestId('profile-bankAccountNumber')).toHaveText('7654321')
    await expect(page.getByRole('button', { name: '変更申込' })).toHaveCount(0)
    await expectAccessible(page)

    // The participant sees its new account.
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const own = await context.newPage()
    await login(own, participant.admin)
    await own.goto('/participant')
    await expect(own.getByTestId('profile-bankCode')).toHaveText('0005')
    await expect(own.getByTestId('profile-bankBranchCode')).toHaveText('123')
    await expect(own.getByTestId('profile-bankAccountType')).toHaveText('当座')
    await expect(own.getByTestId('profile-bankAccountNumber')).toHaveText('7654321')
    await expect(own.getByTestId('participant-open-applications')).toContainText(
      '審査中・対応待ちの申込はありません。',
    )
    await context.close()
  })

  test('[020] the audit log shows every step of a participant, for the operator and for its administrator', async ({
    page,
    data,
    browser,
  }) => {
    // Registered through an approved 700 application, then a 030 change approved.
    const { admin } = await data.approvedParticipant()
    const change = await data.changeApplication(admin, { bankAccountNumber: '7654321' })
    const started = await data.review(change, 'startReview')
    await data.review(started.application, 'approve')

    await login(page, await data.operator())
    await menu(page).getByRole('link', { name: '操作ログ' }).click()
    await expect(page).toHaveURL(/\/audit-log/)
    await page.getByRole('combobox', { name: '事業者コード' }).click()
    await page.getByRole('option', { name: new RegExp(admin.participantCode) }).click()
    await page.getByRole('button', { name: '検索', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`participantCode=${admin.participantCode}`))
    const table = page.getByRole('table', { name: '操作ログ' })
    // Only this participant's entries (other tests write theirs at the same time).
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: /P\d{5}/ })
        .filter({ hasNotText: admin.participantCode }),
    ).toHaveCount(0)
    // Operations by their label, not codes like participant.create.
    for (const action of [
      '事業者の登録',
      'ユーザの登録',
      '申込の作成',
      '申込の承認',
      '事業者情報の変更',
    ]) {
      await expect(table.getByText(action, { exact: true }).first()).toBeVisible()
    }
    await expect(table.getByText('participant.update')).toHaveCount(0)
    const update = table.getByRole('row').filter({ hasText: '事業者情報の変更' })
    await update.getByRole('button', { name: /^表示：事業者情報の変更/ }).click()
    const detail = page.getByTestId('audit-detail')
    // Before → after as a table of labelled fields, not JSON.
    const account = detail.getByRole('row', { name: /口座番号/ })
    await expect(account.getByRole('cell').nth(0)).toHaveText('1234567')
    await expect(account.getByRole('cell').nth(1)).toHaveText('7654321')
    await expect(detail).not.toContainText('"bankAccountNumber"')
    await expectAccessible(page)

    // The operation filter offers labels.
    await page.getByRole('combobox', { name: '操作' }).click()
    await expect(page.getByRole('option', { name: 'ユーザの登録', exact: true })).toBeVisible()
    await page.keyboard.press('Escape')

    // Filter by the request ID of that entry: only the writes of that one request.
    const requestId = await detail.getByTestId('audit-request-id').innerText()
    await page.goto(`/audit-log?requestId=${requestId}`)
    await expect(field(page, 'リクエストID')).toHaveValue(requestId)
    await expect(table.getByText('事業者情報の変更')).toBeVisible()
    await expect(table.getByText('事業者の登録')).toHaveCount(0)

    // CSV of the same search, Shift_JIS by default.
    await page.getByRole('button', { name: 'CSV出力' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'Shift_JIS（Excel向け）' }).click()
    expect((await download).suggestedFilename()).toMatch(/^audit-log_\d{8}\.csv$/)

    // The administrator sees its own participant's entries, without a participant filter.
    const own = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const adminPage = await own.newPage()
    await login(adminPage, admin)
    // Filtered to the operation: logins of the earlier steps are audited too and fill page 1.
    await adminPage.goto('/audit-log?action=participant.update')
    const ownTable = adminPage.getByRole('table', { name: '操作ログ' })
    await expect(ownTable.getByText('事業者情報の変更').first()).toBeVisible()
    await expect(adminPage.getByLabel('事業者コード', { exact: true })).toHaveCount(0)
    await own.close()
  })
})

test.describe('[030] two applications filed against the same version of the record', () => {
  test.describe.configure({ timeout: 120_000 })

  test('[030] the second cannot be approved once the first is; returned, corrected and resubmitted, it shows what changed since its return', async ({
    page,
    browser,
    baseURL,
    data,
  }) => {
    const origin = baseURL as string
    const participant = await data.participant()
    const admin = participant.admin
    const operator = await data.operator()
    // Two change applications against the same version: A the contact name, B the account.
    const a = await data.changeApplication(admin, { contactName: '並行 一郎' })
    const b = await data.changeApplication(admin, { bankAccountNumber: '7654321' })
    const started = await data.review(a, 'startReview')
    await data.review(started.application, 'approve')

    // The reviewer is told before deciding, and approval is refused with the catalogue message.
    await login(page, operator)
    await openApplication(page, b.receiptNo, 'state=queue')
    await expect(page.getByTestId('application-stale')).toContainText(
      '提出後に対象の情報が更新されています',
    )
    await expectAccessible(page)
    await page.getByRole('button', { name: '審査開始' }).click()
    await page.getByRole('button', { name: '承認' }).click()
    await page
      .getByRole('dialog', { name: '申込の承認' })
      .getByRole('button', { name: '承認する' })
      .click()
    await expect(page.getByText('E-APP-003')).toBeVisible()
    await expect(page.getByTestId('application-state')).toHaveText('審査中')
    await page.getByRole('button', { name: '差戻し' }).click()
    const returnDialog = page.getByRole('dialog', { name: '申込の差戻し' })
    await returnDialog.getByRole('textbox').fill('最新の事業者情報に基づいて再申込してください。')
    await returnDialog.getByRole('button', { name: '差し戻す' }).click()
    await expect(page.getByTestId('application-state')).toHaveText('差戻し')

    // The applicant corrects it against the record as it is now and resubmits.
    const context = await browser.newContext({ baseURL: origin })
    const applicant = await context.newPage()
    await login(applicant, admin)
    await openApplication(applicant, b.receiptNo, 'state=returned')
    await applicant.getByRole('button', { name: '修正して再提出' }).click()
    await field(applicant, '担当者氏名').fill('並行 一郎')
    await applicant.getByRole('button', { name: '確認へ進む' }).click()
    const confirm = applicant.getByTestId('application-correction-confirm')
    await expect(
      confirm.getByRole('table', { name: '変更する項目' }).getByRole('row', { name: /口座番号/ }),
    ).toContainText('7654321')
    await expectAccessible(applicant)
    await confirm.getByRole('button', { name: 'この内容で再提出する' }).click()
    await expect(applicant.getByTestId('application-state')).toHaveText('申込済')
    await expect(applicant.getByTestId('application-stale')).toHaveCount(0)
    await context.close()

    // The reviewer sees what changed since the return, and approves: nothing is lost.
    await page.reload()
    await expect(page.getByTestId('application-stale')).toHaveCount(0)
    const since = page.getByRole('table', { name: '差戻し時からの変更' })
    await expect(since.getByRole('row', { name: /担当者氏名/ })).toContainText('並行 一郎')
    await expect(page.getByTestId('changed-count')).toHaveText('変更のある項目：1件')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/lost-update-review.png', fullPage: true })
    await page.getByRole('button', { name: '審査開始' }).click()
    await page.getByRole('button', { name: '承認' }).click()
    await page
      .getByRole('dialog', { name: '申込の承認' })
      .getByRole('button', { name: '承認する' })
      .click()
    await expect(page.getByTestId('application-state')).toHaveText('承認済')
    const adminApi = await data.loggedIn(admin)
    const after = (await (
      await adminApi.get(`/api/v1/participants/${participant.id}`)
    ).json()) as Record<string, unknown>
    expect(after).toMatchObject({ contactName: '並行 一郎', bankAccountNumber: '7654321' })
  })
})

test.describe('[030] rights on applications (A40)', () => {
  test("[030] a general user without rights sees none of its participant's applications, not even by their address", async ({
    page,
    data,
  }) => {
    // An application of the participant kept as a draft.
    const participant = await data.participant()
    const adminApi = await data.loggedIn(participant.admin)
    const current = (await (
      await adminApi.get(`/api/v1/participants/${participant.id}`)
    ).json()) as { version: number }
    const filed = await adminApi.post(
      `/api/v1/participants/${participant.id}/cancel-applications`,
      {
        data: {
          proposed: { reason: '権限確認用の下書き' },
          version: current.version,
          submit: false,
        },
      },
    )
    expect(filed.status(), await filed.text()).toBe(201)
    const draft = (await filed.json()) as { id: string; receiptNo: string; version: number }

    const user = await data.user(participant.code)
    await login(page, user)
    await expect(menu(page).getByRole('link', { name: '申込一覧' })).toHaveCount(0)
    await page.goto(`/applications/${draft.id}`)
    await expect(page.getByText('E-AUTH-005')).toBeVisible()
    await expect(page.getByText('権限確認用の下書き')).toHaveCount(0)
    await expect(page.getByTestId('application-receipt-no')).toHaveCount(0)
    await expectAccessible(page)

    const withdrawn = await adminApi.post(`/api/v1/applications/${draft.id}/transitions/withdraw`, {
      data: { version: draft.version, comment: '' },
    })
    expect(withdrawn.status()).toBe(200)
  })
})
