/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { afterEach, describe, expect, it } from 'vitest'
import { startPortal, type Running } from './test-support.ts'

let running: Running | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function get(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, running!.base))
  return { status: response.status, body: await response.json() }
}

async function launch(body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL('portal-api/launch', running!.base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

/** The first chat of user 1 with unread messages, and its recent row. */
async function unreadChat() {
  const { accessToken } = running!.login(1)
  const list = await running!.rest('im.recent.list', { auth: accessToken, LIMIT: 200 })
  const item = list.body.result.items.find((i: any) => i.type === 'chat' && i.counter > 0)
  return { item, accessToken }
}

describe('profile (dev.1c-bitrix.ru rest_help/general/profile.php: any app, no scope)', () => {
  it('answers the calling user, ID as a string and ADMIN as a boolean', async () => {
    running = await startPortal()
    const answer = await running.rest('profile', { auth: running.login(2).accessToken })
    expect(answer.status).toBe(200)
    expect(answer.body.result).toMatchObject({ ID: '2', ADMIN: false, NAME: 'Мария' })
  })
})

describe('chat view (the dialog’s history, data/history.ts; chat-api.ts)', () => {
  it('shows the newest messages of the history with their authors, unread exactly as the unread set says', async () => {
    running = await startPortal()
    const { item } = await unreadChat()
    const view = await get(`portal-api/chat?user=1&dialog=${item.id}&lang=en`)
    expect(view.status).toBe(200)
    const history = running!.portal.store.histories.of(
      running!.portal.store.user(1).items.find((row: any) => row.id === item.id) as any,
      1,
    )!
    const newest = history.messages.slice(-8)
    expect(view.body.messages.map((m: any) => m.id)).toEqual(newest.map((m) => m.id))
    expect(view.body.messages.at(-1)).toMatchObject({
      id: item.message.id,
      text: item.message.text,
    })
    expect(view.body.messages.filter((m: any) => m.unread).map((m: any) => m.id)).toEqual(
      newest.filter((m) => history.unread.has(m.id)).map((m) => m.id),
    )
    expect(
      view.body.messages.every((m: any) => typeof m.author === 'string' && m.author !== ''),
    ).toBe(true)
    expect(view.body.menuItem).toEqual({
      title: 'Mark unread from here',
      handler: expect.any(String),
    })
  })

  it('follows im.dialog.unread: from the chosen message on, everything not the user’s own is unread', async () => {
    running = await startPortal()
    const { item, accessToken } = await unreadChat()
    await running.rest('im.dialog.read', { auth: accessToken, DIALOG_ID: item.id })
    const before = (await get(`portal-api/chat?user=1&dialog=${item.id}`)).body.messages
    const from = before.at(-4)
    await running.rest('im.dialog.unread', {
      auth: accessToken,
      DIALOG_ID: item.id,
      MESSAGE_ID: from.id,
    })
    const view = await get(`portal-api/chat?user=1&dialog=${item.id}`)
    expect(view.body.messages.filter((m: any) => m.unread).map((m: any) => m.id)).toEqual(
      before
        .slice(-4)
        .filter((m: any) => m.authorId !== 1)
        .map((m: any) => m.id),
    )
  })

  it('has no message-menu item until the app is installed and bound IM_CONTEXT_MENU', async () => {
    running = await startPortal()
    const { item } = await unreadChat()
    running.portal.store.setInstalled(false)
    expect((await get(`portal-api/chat?user=1&dialog=${item.id}`)).body.menuItem).toBeNull()
  })
})

describe('a message arriving in the open chat (POST /portal-api/message; data/arrival.ts)', () => {
  async function post(body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(new URL('portal-api/message', running!.base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }

  it('comes from the partner the button names, shows as the newest message, unread', async () => {
    running = await startPortal()
    const dialog = running.portal.store.truth(1).find((d) => d.type === 'user' && !d.placeholder)!
    const view = (await get(`portal-api/chat?user=1&dialog=${String(dialog.id)}`)).body
    expect(view.sender).toEqual({ id: dialog.id, name: dialog.title })
    const sent = await post({ user: 1, dialog: dialog.id })
    expect(sent.status).toBe(200)
    expect(sent.body.message).toMatchObject({ authorId: dialog.id })
    const after = (await get(`portal-api/chat?user=1&dialog=${String(dialog.id)}`)).body
    expect(after.messages.at(-1)).toMatchObject({
      id: sent.body.message.id,
      author: dialog.title,
      unread: true,
    })
    expect(after.counter).toBe((dialog.counter as number) + 1)
  })

  it('refuses an unknown user (400) and a dialog the user does not have (404)', async () => {
    running = await startPortal()
    expect((await post({ user: 99, dialog: 'chat1' })).status).toBe(400)
    expect((await post({ user: 1, dialog: 'chat987654' })).status).toBe(404)
  })
})

describe('message-menu launch (IM_CONTEXT_MENU, options {dialogId, messageId})', () => {
  it('opens the bound handler with the message as PLACEMENT_OPTIONS', async () => {
    running = await startPortal({ appUrl: 'http://app.example:5173/' })
    const answer = await launch({
      user: 1,
      placement: 'IM_CONTEXT_MENU',
      placementOptions: { dialogId: 'chat1001', messageId: 42 },
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      placement: 'IM_CONTEXT_MENU',
      placementOptions: { dialogId: 'chat1001', messageId: 42 },
      handler: 'http://app.example:5173/',
    })
  })

  it('refuses a launch without a message, or when the item is not bound', async () => {
    running = await startPortal()
    expect((await launch({ user: 1, placement: 'IM_CONTEXT_MENU' })).status).toBe(409)
    running.portal.store.setInstalled(false)
    const unbound = await launch({
      user: 1,
      placement: 'IM_CONTEXT_MENU',
      placementOptions: { dialogId: 'chat1001', messageId: 42 },
    })
    expect(unbound.status).toBe(409)
  })
})
