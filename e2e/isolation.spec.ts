import type { Page } from '@playwright/test'
import { control, expect, launch, listenToCopies, test } from './support/fixtures.ts'

// Marks are per user in the portal. The app must never show one user's marks to another, nor
// change them: not after switching users, not in two tabs open as two users.

/** The same three dialogs for two users, with their own titles; chat13's mark differs. */
function dialogsOf(user: 1 | 2) {
  const chat = (n: number, unread: boolean) => ({
    id: `chat${n}`,
    chat_id: n,
    type: 'chat',
    title: `Chat ${n} of user ${user}`,
    avatar: { url: '', color: '#5e8ee0' },
    message: { id: n, text: `secret of user ${user}`, date: '2025-05-01T10:00:00+00:00' },
    counter: 0,
    unread,
    pinned: false,
    date_last_activity: '2025-05-01T10:00:00+00:00',
    chat: { id: n, type: 'chat' },
  })
  return [chat(11, false), chat(12, true), chat(13, user === 1)]
}

test.beforeEach(async ({ portalUrl }) => {
  await control.setData(portalUrl, { user: 1, dialogs: dialogsOf(1) })
  await control.setData(portalUrl, { user: 2, dialogs: dialogsOf(2) })
})

const marks = async (portalUrl: string, user: number) =>
  (await control.truth(portalUrl, user)).dialogs.map((d) => [d.id, d.unread, d.counter])

test('each user sees only their own dialogs and marks', async ({ page }) => {
  for (const user of [2, 1] as const) {
    const app = await launch(page, { user })
    await expect(app.rows).toHaveCount(3)
    for (const dialog of dialogsOf(user)) {
      await expect(app.row(dialog.id)).toContainText(dialog.title)
      await expect(app.row(dialog.id)).toHaveAttribute('data-unread', String(dialog.unread))
    }
    await expect(app.frame.getByText(`user ${user === 1 ? 2 : 1}`)).toHaveCount(0)
  }
})

test('a change made as user 2 changes only user 2’s mark', async ({ page, portalUrl }) => {
  const before = await marks(portalUrl, 1)
  const app = await launch(page, { user: 2 })
  await app
    .row('chat11')
    .getByRole('button', { name: /^Mark as unread/ })
    .click()
  await app
    .row('chat12')
    .getByRole('button', { name: /^Mark as read/ })
    .click()
  await expect(app.row('chat11')).toHaveAttribute('data-unread', 'true')
  await expect(app.row('chat12')).toHaveAttribute('data-unread', 'false')
  await expect
    .poll(() => marks(portalUrl, 2))
    .toEqual([
      ['chat11', true, 0],
      ['chat12', false, 0],
      ['chat13', false, 0],
    ])
  expect(await marks(portalUrl, 1)).toEqual(before)
})

test('switching the portal’s user shows the new user’s marks, nothing carried over', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page, { user: 1 })
  await app
    .row('chat11')
    .getByRole('button', { name: /^Mark as unread/ })
    .click()
  await expect(app.row('chat11')).toHaveAttribute('data-unread', 'true')
  await expect.poll(async () => (await marks(portalUrl, 1))[0]).toEqual(['chat11', true, 0])

  await page.locator('#user-select').selectOption('2')
  await expect(page).toHaveURL(/user=2/)
  await expect(app.row('chat11')).toContainText('Chat 11 of user 2')
  for (const dialog of dialogsOf(2))
    await expect(app.row(dialog.id)).toHaveAttribute('data-unread', String(dialog.unread))
  expect(await marks(portalUrl, 2)).toEqual(dialogsOf(2).map((d) => [d.id, d.unread, 0]))
})

/** Records the distinct values each row's data-unread takes in a tab's app frame. */
async function watchRows(
  page: Page,
  dialogIds: string[],
): Promise<() => Promise<Record<string, string[]>>> {
  const frame = page.frameLocator('#app-frame')
  for (const id of dialogIds) await expect(frame.locator(`[data-dialog-id="${id}"]`)).toBeVisible()
  const body = frame.locator('body')
  await body.evaluate((element, ids) => {
    const seen: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, []]))
    Object.defineProperty(window, '__seen', { value: seen, configurable: true })
    const record = () => {
      for (const id of ids) {
        const value = element.querySelector<HTMLElement>(`[data-dialog-id="${id}"]`)?.dataset.unread
        if (value !== undefined && !seen[id]!.includes(value)) seen[id]!.push(value)
      }
    }
    record()
    new MutationObserver(record).observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-unread'],
    })
  }, dialogIds)
  return () =>
    body.evaluate(() => (window as unknown as { __seen: Record<string, string[]> }).__seen)
}

test('two tabs open as two users: a change in one never shows in the other', async ({
  page,
  context,
  portalUrl,
}) => {
  const other = await context.newPage()
  const asUser2 = await launch(other, { user: 2 })
  const asUser1 = await launch(page, { user: 1 })
  const seenByUser2 = await watchRows(other, ['chat11', 'chat12'])
  const user2Heard = await listenToCopies(asUser2)

  // User 1 marks chat11 unread and chat12 read; for user 2 they stay read and unread.
  await asUser1
    .row('chat11')
    .getByRole('button', { name: /^Mark as unread/ })
    .click()
  await asUser1
    .row('chat12')
    .getByRole('button', { name: /^Mark as read/ })
    .click()
  await expect(asUser1.row('chat12')).not.toHaveAttribute('data-pending', 'true')
  await expect
    .poll(async () => (await marks(portalUrl, 1)).slice(0, 2))
    .toEqual([
      ['chat11', true, 0],
      ['chat12', false, 0],
    ])
  // User 2's tab has heard of both changes.
  await user2Heard(2)

  for (const dialog of dialogsOf(2))
    await expect(asUser2.row(dialog.id)).toHaveAttribute('data-unread', String(dialog.unread))
  expect(await seenByUser2()).toEqual({ chat11: ['false'], chat12: ['true'] })
  expect(await marks(portalUrl, 2)).toEqual(dialogsOf(2).map((d) => [d.id, d.unread, 0]))

  // And the other way round: user 2's changes do not reach user 1's tab.
  const seenByUser1 = await watchRows(page, ['chat13'])
  const user1Heard = await listenToCopies(asUser1)
  await asUser2
    .row('chat13')
    .getByRole('button', { name: /^Mark as unread/ })
    .click()
  await expect(asUser2.row('chat13')).toHaveAttribute('data-unread', 'true')
  await expect(asUser2.row('chat13')).not.toHaveAttribute('data-pending', 'true')
  await asUser2
    .row('chat13')
    .getByRole('button', { name: /^Mark as read/ })
    .click()
  await expect(asUser2.row('chat13')).toHaveAttribute('data-unread', 'false')
  await expect(asUser2.row('chat13')).not.toHaveAttribute('data-pending', 'true')
  await user1Heard(2)
  expect(await seenByUser1()).toEqual({ chat13: ['true'] })
  await other.close()
})
