// A write whose outcome the app cannot know — its answer lost, or an error the portal may have
// answered after doing part of the work — is read back from the portal before anything is said,
// and what was read back is shown in this tab and in every other open copy of the app.
import type { Page } from '@playwright/test'
import {
  control,
  expect,
  firstReadDialog,
  launch,
  listenToCopies,
  serverUnread,
  test,
  type AppHandle,
} from './support/fixtures.ts'

/** Opens the app in a second tab of the same browser: the same user, another copy of the app. */
async function secondTab(page: Page): Promise<{ tab: Page; app: AppHandle }> {
  const tab = await page.context().newPage()
  return { tab, app: await launch(tab) }
}

test('a mark whose answer is lost after the portal made it shows the server’s state here and in another tab, with no failure said', async ({
  page,
  portalUrl,
}) => {
  test.setTimeout(90_000) // the SDK's own retries of the lost answers come first
  const here = await launch(page)
  const other = await secondTab(page)
  const target = await firstReadDialog(portalUrl)
  const id = String(target.id)
  await other.app.reveal(id)
  await expect(other.app.row(id)).toHaveAttribute('data-unread', 'false')

  // The portal makes every attempt's change and loses every answer: past the SDK's four tries
  // and the browser's own resend of a request whose kept-alive connection closed.
  await control.injectFault(portalUrl, {
    method: 'im.recent.unread',
    kind: 'drop-answer',
    times: 8,
  })
  await (await here.reveal(id)).getByRole('button', { name: /^Mark as unread/ }).click()
  await expect(here.row(id)).not.toHaveAttribute('data-pending', 'true', { timeout: 60_000 })

  const { hits } = await control.faultHits(portalUrl)
  expect(hits['drop-answer'], 'answers the portal lost').toBeGreaterThanOrEqual(4)
  expect((await serverUnread(portalUrl)).get(id)).toBe(true)
  await expect(here.row(id)).toHaveAttribute('data-unread', 'true')
  // The change happened: nothing failed, so nothing says it did.
  await expect(here.frame.locator('.toast--error, [role="alert"]')).toHaveCount(0)
  // The other copy never saw a confirmation; it shows what this one read back, long before its
  // own 30 s refresh.
  await expect(other.app.row(id)).toHaveAttribute('data-unread', 'true')
  await other.tab.close()
})

test('a change that fails in one tab after an earlier one went through: it says what is true, and the other tab shows that', async ({
  page,
  portalUrl,
}) => {
  const watching = await launch(page)
  const acting = await secondTab(page)
  const target = await firstReadDialog(portalUrl)
  const id = String(target.id)
  await watching.reveal(id)
  const row = await acting.app.reveal(id)

  await row.getByRole('button', { name: /^Mark as unread/ }).click()
  await expect.poll(async () => (await serverUnread(portalUrl)).get(id)).toBe(true)
  await expect(watching.row(id)).toHaveAttribute('data-unread', 'true')

  // The next change meets an HTTP 500, which the SDK does not retry and whose outcome is unknown.
  const heard = await listenToCopies(watching)
  await control.injectFault(portalUrl, { method: 'im.recent.unread', kind: 'http', status: 500 })
  await row.getByRole('button', { name: /^Mark as read/ }).click()
  await expect(acting.app.frame.locator('.toast--error')).toHaveText(
    new RegExp(`^Could not mark “.+” as read: .+ It is unread\\.`),
  )
  expect((await serverUnread(portalUrl)).get(id)).toBe(true)
  await expect(acting.app.row(id)).toHaveAttribute('data-unread', 'true')
  // The acting tab tells what it read back; the watching tab takes it and keeps the truth.
  await heard(1, id)
  await expect(watching.row(id)).toHaveAttribute('data-unread', 'true')

  // The user asks again; it goes through, and the watching tab follows.
  await acting.app.frame.locator('.toast--error').getByRole('button', { name: 'Retry' }).click()
  await expect.poll(async () => (await serverUnread(portalUrl)).get(id)).toBe(false)
  await expect(watching.row(id)).toHaveAttribute('data-unread', 'false')
  await acting.tab.close()
})
