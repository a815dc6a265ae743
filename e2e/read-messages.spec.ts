import {
  control,
  expect,
  isUnread,
  launch,
  listedDialogs,
  serverUnread,
  test,
  type AppHandle,
  type TruthDialog,
  waitingLines,
} from './support/fixtures.ts'

// "Mark as read" must leave the server holding the dialog read: no unread messages (counter 0)
// and no manual mark — im.recent.unread N alone removes only the mark (docs/bitrix24-facts.md, "Reading a dialog").

const toast = (app: AppHandle) => app.frame.locator('.toast')
const writes = control.writeRequests

async function relaunchShowsRead(
  app: AppHandle,
  page: import('@playwright/test').Page,
  ids: string[],
) {
  await page.locator('#reload-app').click()
  await expect(app.rows.first()).toBeVisible()
  for (const id of ids) await expect(await app.reveal(id)).toHaveAttribute('data-unread', 'false')
}

/** Clicks "Mark as read" on the dialog and waits for the server's answer; returns its state then. */
async function markRead(app: AppHandle, portalUrl: string, target: TruthDialog) {
  await app.reveal(target.id)
  await control.resetRequests(portalUrl)
  await app
    .row(target.id)
    .getByRole('button', { name: `Mark as read: ${target.title}` })
    .click()
  await expect(app.row(target.id)).not.toHaveAttribute('data-pending', 'true', { timeout: 15_000 })
  const server = (await control.truth(portalUrl)).dialogs.find((d) => d.id === target.id)!
  return { server, counts: await control.requests(portalUrl) }
}

test('Mark as read on a dialog with unread messages and the mark: one request, the server holds it read, a relaunch shows it read', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const target = (await listedDialogs(portalUrl)).find((d) => d.counter > 0 && d.unread)!
  const { server, counts } = await markRead(app, portalUrl, target)
  expect([server.counter, server.unread]).toEqual([0, false])
  expect(writes(counts)).toBe(1)
  expect(counts.byMethod['im.recent.unread'] ?? 0).toBe(0) // both rode in one batch
  expect(counts.commands['im.dialog.read']).toBe(1)
  expect(counts.commands['im.recent.unread']).toBe(1)
  await relaunchShowsRead(app, page, [String(target.id)])
})

test('Mark as read on a dialog with unread messages only is one plain im.dialog.read', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const target = (await listedDialogs(portalUrl)).find((d) => d.counter > 0 && !d.unread)!
  const { server, counts } = await markRead(app, portalUrl, target)
  expect([server.counter, server.unread]).toEqual([0, false])
  expect(writes(counts)).toBe(1)
  expect(counts.byMethod['im.dialog.read']).toBe(1)
  await relaunchShowsRead(app, page, [String(target.id)])
})

test('bulk read: both commands per dialog in ⌈commands/50⌉ requests; the server holds every one read', async ({
  page,
  portalUrl,
}) => {
  test.setTimeout(90_000) // revealing and checking 30 rows one by one
  const app = await launch(page)
  const targets = (await listedDialogs(portalUrl)).filter(isUnread).slice(0, 30)
  const commands = targets.reduce((n, d) => n + (d.counter > 0 ? 1 : 0) + (d.unread ? 1 : 0), 0)
  for (const d of targets) await (await app.reveal(d.id)).getByRole('checkbox').check()
  await control.resetRequests(portalUrl)
  await app.frame.getByRole('button', { name: 'Mark selected as read' }).click()
  await expect(toast(app)).toContainText(`${targets.length} chats changed`, { timeout: 30_000 })

  const after = new Map((await control.truth(portalUrl)).dialogs.map((d) => [d.id, d]))
  for (const d of targets)
    expect([d.id, after.get(d.id)!.counter, after.get(d.id)!.unread]).toEqual([d.id, 0, false])
  const counts = await control.requests(portalUrl)
  expect(writes(counts)).toBe(Math.ceil(commands / 50))
  await relaunchShowsRead(
    app,
    page,
    targets.slice(0, 3).map((d) => String(d.id)),
  )
})

test('Mark all as read in All asks first, then reads every unread dialog, loaded or not, and leaves notifications alone', async ({
  page,
  portalUrl,
}) => {
  test.setTimeout(120_000)
  await control.setData(portalUrl, { count: 450 })
  const app = await launch(page)
  await expect(app.rows.first()).toBeVisible()
  const before = await control.truth(portalUrl)
  // What the server holds unread: messages, comments or the mark (the queue is nobody's yet).
  const unread = before.dialogs.filter((d) => !d.placeholder && (isUnread(d) || d.comments > 0))
  await control.resetRequests(portalUrl)

  await app.frame.getByRole('button', { name: 'Mark all as read' }).click()
  const dialog = app.frame.getByRole('alertdialog', {
    name: `Mark all ${unread.length} chats as read?`,
  })
  await expect(dialog).toBeVisible()
  expect(writes(await control.requests(portalUrl))).toBe(0) // nothing before the answer
  await dialog.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(toast(app)).toContainText(`${unread.length} chats changed`, { timeout: 30_000 })

  const counts = await control.requests(portalUrl)
  // Dialog by dialog, at most two commands each, 50 commands a request: im.dialog.read.all would
  // also have read the user's notifications.
  expect(counts.byMethod['im.dialog.read.all'] ?? 0).toBe(0)
  expect(writes(counts)).toBeLessThanOrEqual(Math.ceil((2 * unread.length) / 50))
  const after = await control.truth(portalUrl)
  expect(after.dialogs.filter((d) => !d.placeholder && (isUnread(d) || d.comments > 0))).toEqual([])
  expect(after.notify).toBe(before.notify)
  expect(after.queued).toEqual(before.queued)
  await expect(app.frame.locator('.toast--error')).toHaveCount(0)
  await page.locator('#reload-app').click()
  await expect(app.rows.first()).toBeVisible()
  const shown = await app.allRows()
  const server = await serverUnread(portalUrl)
  for (const [id, unreadShown] of shown)
    expect([id, unreadShown]).toEqual([id, String(server.get(id))])
})

test('Direct never shows a chat; placeholders offer no toggle; the queued open line appears once', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const { dialogs, queued } = await control.truth(portalUrl)
  expect(queued.length).toBeGreaterThan(0)
  const placeholders = dialogs.filter((d) => d.placeholder)
  expect(placeholders.length).toBeGreaterThan(0)

  const all = (await app.allRows()).map(([id]) => id)
  expect(all).toEqual([
    ...waitingLines(queued).map((q) => q.id),
    ...dialogs.filter((d) => !d.placeholder).map((d) => String(d.id)),
  ])
  for (const q of waitingLines(queued)) {
    const row = await app.reveal(q.id)
    await expect(row.getByRole('button', { name: /^Mark as/ })).toHaveCount(0)
    await expect(row.getByRole('checkbox')).toHaveCount(0)
  }

  await app.frame.getByRole('button', { name: 'Direct', exact: true }).click()
  const direct = dialogs.filter((d) => d.type === 'user' && !d.placeholder).map((d) => String(d.id))
  await expect.poll(async () => (await app.allRows()).map(([id]) => id)).toEqual(direct)
  await app.frame.getByRole('button', { name: 'Chats', exact: true }).click()
  const chats = dialogs.filter((d) => d.type === 'chat' && d.chatType !== 'lines')
  expect(chats.some((d) => d.chatType === 'copilot')).toBe(true)
  await expect
    .poll(async () => (await app.allRows()).map(([id]) => id))
    .toEqual(chats.map((d) => String(d.id)))
})
