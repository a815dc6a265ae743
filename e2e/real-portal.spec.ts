import type { Page } from '@playwright/test'
import {
  control,
  expect,
  isUnread,
  launch,
  listedDialogs,
  test,
  type AppHandle,
  type TruthDialog,
  waitingLines,
} from './support/fixtures.ts'

// What a real portal does and a friendlier fake would not (docs/bitrix24-facts.md): joined
// colleagues' dialogs, the messenger's own badge, messages arriving after the list loaded,
// global message ids and one's own messages, search beyond the loaded list, and how few requests
// the first screen needs.

/** The slider boots the app from cold (a new frame): more patience than a row's change needs. */
const BOOT = { timeout: 15_000 }

const header = (app: AppHandle) => app.frame.locator('.app-header__total')

async function dialogOf(portalUrl: string, id: string | number): Promise<TruthDialog> {
  const dialog = (await control.truth(portalUrl)).dialogs.find((d) => String(d.id) === String(id))
  if (!dialog) throw new Error(`no dialog ${String(id)} on the server`)
  return dialog
}

/** The badge the portal's own counters hold now (im.counters.get, TYPE.MESSENGER). */
async function badge(portalUrl: string): Promise<number> {
  const { result } = await control.counters(portalUrl)
  return (result as { TYPE: { MESSENGER: number } }).TYPE.MESSENGER
}

/** User 1 muted the chat (`chat.mute_list` holds the user). */
const isMuted = (d: TruthDialog) =>
  typeof d.muteList === 'object' && d.muteList !== null && '1' in d.muteList

/** Clicks the row's toggle and waits until the server holds what was asked. */
async function toggle(app: AppHandle, portalUrl: string, dialog: TruthDialog, unread: boolean) {
  const row = await app.reveal(dialog.id)
  const name = `${unread ? 'Mark as unread' : 'Mark as read'}: ${dialog.title}`
  await row.getByRole('button', { name }).click()
  await expect.poll(async () => isUnread(await dialogOf(portalUrl, dialog.id))).toBe(unread)
  await expect(row).not.toHaveAttribute('data-pending', 'true')
}

/** Opens the messenger's chat view on a page and the chosen message's menu item (the slider). */
async function markFromMessage(page: Page, dialogId: string | number, messageId: number) {
  await page.goto(`/?chat=${String(dialogId)}&user=1&lang=en`)
  const message = page.locator(`#chat-messages [data-message-id="${messageId}"]`)
  await message.getByRole('button', { name: /Message menu/ }).click()
  await message.getByRole('menuitem', { name: 'Mark unread from here' }).click()
  return page.frameLocator('#slider-frame')
}

test('a joined colleague’s dialog with unread messages is listed and can be marked both ways', async ({
  page,
  portalUrl,
}) => {
  const joined = (await listedDialogs(portalUrl)).find((d) => d.joined && d.counter === 2)
  if (!joined) throw new Error('the demo data holds no joined colleague with 2 unread messages')
  const app = await launch(page)
  await expect(await app.reveal(joined.id)).toHaveAttribute('data-unread', 'true')

  await toggle(app, portalUrl, joined, false)
  expect(await dialogOf(portalUrl, joined.id)).toMatchObject({ counter: 0, unread: false })
  await toggle(app, portalUrl, joined, true)
  expect(await dialogOf(portalUrl, joined.id)).toMatchObject({ counter: 0, unread: true })
})

test('the header says the portal’s own badge after marks on a muted chat, a marked open line and a marked chat with unread messages', async ({
  page,
  portalUrl,
}) => {
  const { dialogs, queued } = await control.truth(portalUrl)
  // The badge counts each session waiting in the queue; the app cannot mark those.
  expect(waitingLines(queued).length).toBeGreaterThan(0)
  const muted = dialogs.find((d) => isMuted(d) && d.counter > 0)
  const markedLine = dialogs.find((d) => d.chatType === 'lines' && d.unread && d.counter === 0)
  const markedChat = dialogs.find((d) => d.chatType === 'chat' && d.unread && d.counter > 0)
  if (!muted || !markedLine || !markedChat) throw new Error('the demo data lacks a case')

  const app = await launch(page)
  await expect(header(app)).toHaveAttribute('data-total', String(await badge(portalUrl)))
  for (const [dialog, unread] of [
    [muted, false],
    [muted, true],
    [markedLine, false],
    [markedLine, true],
    [markedChat, false],
    [markedChat, true],
  ] as const) {
    await toggle(app, portalUrl, dialog, unread)
    await expect(header(app)).toHaveAttribute('data-total', String(await badge(portalUrl)))
  }
  await expect(page.locator('#app-title')).toHaveText(`(${await badge(portalUrl)}) Recent chats`)
})

test('Mark as read also reads a message that arrived after the list loaded', async ({
  page,
  portalUrl,
}) => {
  const target = (await listedDialogs(portalUrl)).find(
    (d) => d.type === 'user' && d.counter > 0 && !d.unread && !d.joined,
  )!
  const app = await launch(page)
  await expect(await app.reveal(target.id)).toHaveAttribute('data-unread', 'true')
  await control.message(portalUrl, { dialog: target.id })
  expect((await dialogOf(portalUrl, target.id)).counter).toBe(target.counter + 1)

  await toggle(app, portalUrl, target, false)
  expect(await dialogOf(portalUrl, target.id)).toMatchObject({ counter: 0, unread: false })
  await page.locator('#reload-app').click()
  await expect(await app.reveal(target.id)).toHaveAttribute('data-unread', 'false')
})

test('“Mark unread from here” on one’s own last message explains, and offers the chat’s mark', async ({
  page,
  portalUrl,
}) => {
  const own = (await listedDialogs(portalUrl)).find(
    (d) => d.type === 'user' && d.lastAuthorId === 1 && !isUnread(d),
  )
  if (!own) throw new Error('the demo data holds no dialog whose last message is the user’s')
  const slider = await markFromMessage(page, own.id, own.messageId)

  await expect(slider.getByRole('status')).toContainText(
    'Your own messages never count as unread for you',
    BOOT,
  )
  expect(control.writeRequests(await control.requests(portalUrl))).toBe(0)
  await slider.getByRole('button', { name: 'Mark the chat as unread' }).click()
  await expect(slider.getByRole('status')).toContainText('The chat is marked as unread.')
  expect(await dialogOf(portalUrl, own.id)).toMatchObject({ unread: true, counter: 0 })
})

test('Undo of “Mark unread from here” in a one-to-one dialog puts the server back exactly', async ({
  page,
  portalUrl,
}) => {
  const dialog = (await listedDialogs(portalUrl)).find(
    (d) => d.type === 'user' && !isUnread(d) && !d.joined && d.lastAuthorId !== 1,
  )!
  const { messages } = await control.messages(portalUrl, dialog.id)
  // The third newest of the partner's messages: message ids are global, so not `last − 2`.
  const chosen = messages.filter((m) => m.authorId !== 1).at(-3)!
  const unreadFrom = messages.filter((m) => m.id >= chosen.id && m.authorId !== 1).length
  const slider = await markFromMessage(page, dialog.id, chosen.id)

  await expect(slider.getByRole('status')).toContainText('Marked unread from this message', BOOT)
  const marked = await dialogOf(portalUrl, dialog.id)
  expect([marked.counter, marked.unread]).toEqual([unreadFrom, false])

  await slider.getByRole('button', { name: 'Undo' }).click()
  await expect(slider.getByRole('status')).toContainText('is back as it was')
  const restored = await dialogOf(portalUrl, dialog.id)
  expect([restored.counter, restored.lastId, restored.unread]).toEqual([
    dialog.counter,
    dialog.lastId,
    dialog.unread,
  ])
})

test('a search finds a dialog the list never loaded, and toggles it', async ({
  page,
  portalUrl,
}) => {
  await control.setData(portalUrl, { count: 2_000 })
  const listed = await listedDialogs(portalUrl)
  // Far past what the first screen loads (the first page and one batch: 800 records, about 570
  // dialogs), and without a scroll nothing more is read.
  const target = listed
    .slice(1_800)
    .find((d) => d.type === 'user' && !isUnread(d) && !d.joined && d.title.length >= 3)!
  const app = await launch(page)
  await expect(app.rows.first()).toBeVisible()

  await app.frame.getByRole('searchbox').fill(target.title)
  const row = await app.reveal(target.id)
  await expect(row).toHaveAttribute('data-unread', 'false')
  await toggle(app, portalUrl, target, true)
  expect((await dialogOf(portalUrl, target.id)).unread).toBe(true)
})

test('the first screen, with its unread total, takes one request', async ({ page, portalUrl }) => {
  const app = await launch(page)
  await expect(app.rows.first()).toBeVisible()
  await expect(header(app)).toHaveAttribute('data-total', String(await badge(portalUrl)))
  expect((await control.requests(portalUrl)).total).toBeLessThanOrEqual(1)
})
