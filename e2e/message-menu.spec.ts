import type { Page } from '@playwright/test'
import { control, expect, isUnread, launch, test, type TruthDialog } from './support/fixtures.ts'

/** User 1 muted the chat (`chat.mute_list` holds the user). */
const isMuted = (d: TruthDialog) =>
  typeof d.muteList === 'object' && d.muteList !== null && '1' in d.muteList

/** A group chat the server holds as read, the user did not mute, whose last message is not the user's. */
async function readChat(portalUrl: string): Promise<TruthDialog> {
  const dialog = (await control.truth(portalUrl)).dialogs.find(
    (d) => d.chatType === 'chat' && !isUnread(d) && !isMuted(d) && d.lastAuthorId !== 1,
  )
  if (!dialog) throw new Error('the portal holds no read chat')
  return dialog
}

async function dialogOf(portalUrl: string, id: string | number): Promise<TruthDialog> {
  const dialog = (await control.truth(portalUrl)).dialogs.find((d) => String(d.id) === String(id))
  if (!dialog) throw new Error(`no dialog ${String(id)} on the server`)
  return dialog
}

/** Opens the messenger's chat view on a tab and the chosen message's menu item (the slider). */
async function markFromMessage(page: Page, dialogId: string | number, messageId: number) {
  await page.goto(`/?chat=${String(dialogId)}&user=1&lang=en`)
  const message = page.locator(`#chat-messages [data-message-id="${messageId}"]`)
  await message.getByRole('button', { name: /Message menu/ }).click()
  await message.getByRole('menuitem', { name: 'Mark unread from here' }).click()
  return page.frameLocator('#slider-frame')
}

/** The slider boots the app from cold (a new frame): more patience than a row's change needs. */
const BOOT = { timeout: 15_000 }

test('one click in a message menu leaves the chat unread from that message, the list follows, Undo puts it back', async ({
  page,
  context,
  portalUrl,
}) => {
  const chat = await readChat(portalUrl)
  const list = await launch(page, { placement: 'IM_NAVIGATION' })
  const row = await list.reveal(chat.id)
  await expect(row).toHaveAttribute('data-unread', 'false')

  // The third newest of the others' messages: it and the later ones (not the user's own) become
  // unread; the read cursor goes to the chat's message before it (ids are global: not `id − 1`).
  const { messages } = await control.messages(portalUrl, chat.id)
  const chosen = messages.filter((m) => m.authorId !== 1).at(-3)!
  const unreadFrom = messages.filter((m) => m.id >= chosen.id && m.authorId !== 1)
  const before = messages.filter((m) => m.id < chosen.id).at(-1)!
  const chatTab = await context.newPage()
  const slider = await markFromMessage(chatTab, chat.id, chosen.id)

  await expect(slider.getByRole('status')).toContainText('Marked unread from this message', BOOT)
  await expect(slider.getByRole('status')).toContainText(`${unreadFrom.length} unread messages`)
  const marked = await dialogOf(portalUrl, chat.id)
  expect([marked.counter, marked.lastId, marked.unread]).toEqual([
    unreadFrom.length,
    before.id,
    false,
  ])
  await expect(chatTab.locator('#request-log')).toContainText('im.dialog.unread')
  await expect(chatTab.locator('#chat-messages [data-unread="true"]')).toHaveCount(
    unreadFrom.length,
  )
  // The list in the other tab converges by itself (the app's cross-tab refresh).
  await expect(row).toHaveAttribute('data-unread', 'true')

  await slider.getByRole('button', { name: 'Undo' }).click()
  await expect(slider.getByRole('status')).toContainText('is back as it was')
  const restored = await dialogOf(portalUrl, chat.id)
  expect([restored.counter, restored.lastId, restored.unread]).toEqual([0, chat.lastId, false])
  await expect(row).toHaveAttribute('data-unread', 'false')
})

test('a portal without im.dialog.unread gets the manual mark instead, and says so', async ({
  page,
  portalUrl,
}) => {
  await control.injectFault(portalUrl, {
    method: 'im.dialog.unread',
    kind: 'http',
    status: 404,
    error: 'ERROR_METHOD_NOT_FOUND',
    description: 'Method not found!',
    times: -1,
  })
  const chat = await readChat(portalUrl)
  const { messages } = await control.messages(portalUrl, chat.id)
  // One of the others' messages: the user's own would never count as unread.
  const chosen = messages.filter((m) => m.authorId !== 1).at(-2)!
  const slider = await markFromMessage(page, chat.id, chosen.id)

  await expect(slider.getByRole('status')).toContainText('cannot mark single messages unread', BOOT)
  const marked = await dialogOf(portalUrl, chat.id)
  expect([marked.unread, marked.counter]).toEqual([true, 0])

  await slider.getByRole('button', { name: 'Undo' }).click()
  await expect(slider.getByRole('status')).toContainText('is back as it was')
  const restored = await dialogOf(portalUrl, chat.id)
  expect([restored.unread, restored.counter]).toEqual([false, 0])
})

test('a failed mark says why and Retry completes it', async ({ page, portalUrl }) => {
  // Until cleared: the SDK's own retries of the first attempt fail too.
  await control.injectFault(portalUrl, {
    method: 'im.dialog.unread',
    kind: 'http',
    status: 500,
    error: 'INTERNAL_SERVER_ERROR',
    times: -1,
  })
  const chat = await readChat(portalUrl)
  const slider = await markFromMessage(page, chat.id, chat.messageId)

  const alert = slider.getByRole('alert')
  await expect(alert).toContainText('Could not mark the chat unread from this message', BOOT)
  await expect(alert).toContainText('INTERNAL_SERVER_ERROR')
  expect(isUnread(await dialogOf(portalUrl, chat.id))).toBe(false)

  await control.clearFaults(portalUrl)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(slider.getByRole('status')).toContainText('Marked unread from this message')
  expect((await dialogOf(portalUrl, chat.id)).counter).toBe(1)
})

test('the message menu has the item only once the app is installed and bound it', async ({
  page,
  portalUrl,
}) => {
  await control.setInstalled(portalUrl, false)
  const chat = await readChat(portalUrl)
  await page.goto(`/?chat=${String(chat.id)}&user=1&lang=de`)
  const message = page.locator(`#chat-messages [data-message-id="${chat.messageId}"]`)
  await message.getByRole('button', { name: /Message menu/ }).click()
  await expect(message.getByRole('menuitem')).toHaveText(['Reply'])

  const installer = await launch(page, { install: true, lang: 'de' })
  await installer.frame.getByRole('button', { name: 'Installieren' }).click()
  await expect.poll(async () => (await control.truth(portalUrl)).installed).toBe(true)
  // The portal answers setInstallFinish with a reload that opens the installed app: leave only
  // once that has happened, or the reload cuts the next navigation short.
  await expect(page).toHaveURL(/install=N/)
  await expect(installer.frame.getByRole('heading', { name: 'Letzte Chats' })).toBeVisible()

  await page.goto(`/?chat=${String(chat.id)}&user=1&lang=de`)
  await message.getByRole('button', { name: /Message menu/ }).click()
  await expect(message.getByRole('menuitem')).toHaveText([
    'Reply',
    'Ab hier als ungelesen markieren',
  ])
})

test('the list says the messenger’s unread total, shows muted chats, and puts the total in the title', async ({
  page,
  portalUrl,
}) => {
  /** The portal's own badge (im.counters.get, TYPE.MESSENGER). */
  const expectedTotal = async () =>
    ((await control.counters(portalUrl)).result as { TYPE: { MESSENGER: number } }).TYPE.MESSENGER
  const app = await launch(page, { placement: 'IM_NAVIGATION' })
  const total = await expectedTotal()
  await expect(app.frame.locator('.app-header__total')).toHaveText(`${total} unread`, BOOT)
  await expect(page.locator('#app-title')).toHaveText(`(${total}) Recent chats`)

  const muted = (await control.truth(portalUrl)).dialogs.find(isMuted)
  if (!muted) throw new Error('the demo data holds no muted chat')
  const mutedRow = await app.reveal(muted.id)
  await expect(mutedRow.getByText('Muted', { exact: true })).toBeAttached()

  // Marking a read chat unread adds 1, as the messenger's badge does.
  const chat = await readChat(portalUrl)
  const row = await app.reveal(chat.id)
  await row.getByRole('button', { name: /^Mark as unread/ }).click()
  await expect.poll(async () => (await dialogOf(portalUrl, chat.id)).unread).toBe(true)
  await expect(app.frame.locator('.app-header__total')).toHaveText(`${total + 1} unread`)
  await expect(page.locator('#app-title')).toHaveText(`(${total + 1}) Recent chats`)
})
