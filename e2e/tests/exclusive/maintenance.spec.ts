import { expect, expectAccessible, field, login, menu, test } from '../../support/fixtures.ts'

test.describe.configure({ mode: 'serial' })

test('[010] [A20] maintenance mode: participants see the maintenance screen in both SPAs, operators keep working', async ({
  browser,
  data,
}) => {
  test.slow() // two users in two contexts, four SPA loads, two accessibility checks
  const operator = await (await browser.newContext()).newPage()
  const participant = await (await browser.newContext()).newPage()
  await login(participant, await data.user((await data.participant()).code))
  await expect(participant.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible()

  await login(operator, await data.operator())
  await menu(operator).getByRole('link', { name: 'メンテナンスモード設定' }).click()
  await expectAccessible(operator)
  await field(operator, 'メンテナンスモードにする').check()
  await operator
    .getByLabel('お知らせ文（日本語）')
    .fill('容量市場システムの定期メンテナンスを実施しています。')
  await operator
    .getByLabel('お知らせ文（英語）')
    .fill('Scheduled maintenance of the Capacity Market System.')
  await operator.getByRole('button', { name: '設定を保存' }).click()
  await expect(operator.getByText('I-SYSTEM-001')).toBeVisible()

  try {
    await participant.goto('/')
    await expect(participant.getByRole('heading', { name: 'メンテナンス中' })).toBeVisible()
    await expect(
      participant.getByText('容量市場システムの定期メンテナンスを実施しています。'),
    ).toBeVisible()
    await expectAccessible(participant)
    await participant.goto('/delivery/')
    await expect(participant.getByRole('heading', { name: 'メンテナンス中' })).toBeVisible()

    // The operator still works, in both SPAs.
    await operator.goto('/delivery/')
    await expect(operator.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible()
  } finally {
    await operator.goto('/maintenance-mode')
    await field(operator, 'メンテナンスモードにする').uncheck()
    await operator.getByRole('button', { name: '設定を保存' }).click()
    await expect(operator.getByText('I-SYSTEM-002')).toBeVisible()
  }
  await participant.goto('/')
  await expect(participant.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible()
})
