import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'

/** The 220 upload screen (一括登録) as the e2e tests drive it. */

export async function downloaded(download: Download): Promise<Buffer> {
  return readFileSync((await download.path()) as string)
}

/** Chooses the format in the upload form. */
export async function chooseFormat(page: Page, code: string) {
  await page.getByTestId('bulk-upload-form').getByRole('combobox', { name: '様式' }).click()
  await page.getByRole('option', { name: new RegExp(`^${code} `) }).click()
}

/** Sets the file of the upload form and uploads it. */
export async function upload(page: Page, name: string, content: Buffer) {
  const form = page.getByTestId('bulk-upload-form')
  await form
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content })
  await form.getByRole('button', { name: 'アップロード' }).click()
}
