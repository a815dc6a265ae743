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

describe('chat view (messages up to message.id, the counter newest unread — rest/dialog.ts)', () => {
  it('shows the newest messages, unread exactly where the recent row says', async () => {
    running = await startPortal()
    const { item } = await unreadChat()
    const view = await get(`portal-api/chat?user=1&dialog=${item.id}&lang=en`)
    expect(view.status).toBe(200)
    const ids = view.body.messages.map((m: any) => m.id)
    expect(ids.at(-1)).toBe(item.message.id)
    const unread = view.body.messages.filter((m: any) => m.unread).map((m: any) => m.id)
    const expected = ids.filter((id: number) => id > item.message.id - item.counter)
    expect(unread).toEqual(expected)
    expect(view.body.menuItem).toEqual({
      title: 'Mark unread from here',
      handler: expect.any(String),
    })
  })

  it('follows im.dialog.unread: from the chosen message on, everything is unread', async () => {
    running = await startPortal()
    const { item, accessToken } = await unreadChat()
    const from = item.message.id - 3
    await running.rest('im.dialog.read', { auth: accessToken, DIALOG_ID: item.id })
    await running.rest('im.dialog.unread', {
      auth: accessToken,
      DIALOG_ID: item.id,
      MESSAGE_ID: from,
    })
    const view = await get(`portal-api/chat?user=1&dialog=${item.id}`)
    expect(view.body.messages.filter((m: any) => m.unread).map((m: any) => m.id)).toEqual([
      from,
      from + 1,
      from + 2,
      from + 3,
    ])
  })

  it('has no message-menu item until the app is installed and bound IM_CONTEXT_MENU (PROTOCOL.md §5)', async () => {
    running = await startPortal()
    const { item } = await unreadChat()
    running.portal.store.setInstalled(false)
    expect((await get(`portal-api/chat?user=1&dialog=${item.id}`)).body.menuItem).toBeNull()
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
