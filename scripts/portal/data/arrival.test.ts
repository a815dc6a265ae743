/* eslint-disable @typescript-eslint/no-explicit-any -- items are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { deliver } from './arrival.ts'
import { PortalStore } from './store.ts'

type Item = Record<string, any>

const NOW = Date.parse('2026-02-26T10:30:00+01:00')
const items = (store: PortalStore) => store.user(1).items as Item[]
const row = (store: PortalStore, id: unknown) => items(store).find((item) => item.id === id)!

describe('a message arriving (data/arrival.ts; im module lib/V2/Reading/Counter/CountersUpdater.php, addForUsers; lib/V2/Reading/Infrastructure/NewMessageHandler.php, handle)', () => {
  it('gets an id above every message id of the portal, joins the history and the unread set, becomes the row’s last message', () => {
    const store = new PortalStore(120)
    store.user(2)
    const dialog = items(store).find(
      (item) => item.type === 'user' && item.message.id > 0 && !item.pinned,
    )!
    const counter = dialog.counter
    const message = deliver(store, 1, dialog.id, { text: 'hello' }, NOW)!
    const everyId = [1, 2].flatMap((user) =>
      (store.user(user).items as Item[]).map((item) => item.message?.id ?? 0),
    )
    expect(message.id).toBeGreaterThan(Math.max(...everyId.filter((id) => id !== message.id)))
    expect(message).toMatchObject({ authorId: dialog.id, text: 'hello' })
    const history = store.histories.of(dialog, 1)!
    expect(history.messages.at(-1)).toEqual(message)
    expect(history.unread.has(message.id)).toBe(true)
    expect(row(store, dialog.id)).toMatchObject({
      counter: counter + 1,
      message: { id: message.id, text: 'hello', author_id: dialog.id, date: message.date },
      date_update: message.date,
      date_last_activity: message.date,
    })
    expect(deliver(store, 1, dialog.id, {}, NOW)!.id).toBe(message.id + 1)
  })

  it('moves the dialog to the top of the unpinned part of the list (Recent::getList order)', () => {
    const store = new PortalStore(120)
    const last = items(store).at(-1)!
    deliver(store, 1, last.id, {}, NOW)
    const firstUnpinned = items(store).find((item) => item.pinned !== true)!
    expect(firstUnpinned.id).toBe(last.id)
  })

  it('the user’s own message reads the dialog up to it and clears the manual mark', () => {
    const store = new PortalStore(120)
    const marked = items(store).find((item) => item.counter > 0 && item.unread === true)!
    const message = deliver(store, 1, marked.id, { authorId: 1 }, NOW)!
    expect(row(store, marked.id)).toMatchObject({ counter: 0, last_id: message.id, unread: false })
    expect(store.histories.of(marked, 1)!.unread.size).toBe(0)
  })

  it('a system message (author 0) counts as unread; a chat row’s user block becomes the author’s', () => {
    const store = new PortalStore(120)
    const chat = items(store).find((item) => item.type === 'chat' && item.message.id > 0)!
    const counter = chat.counter
    deliver(store, 1, chat.id, { authorId: 0 }, NOW)
    expect(row(store, chat.id)).toMatchObject({ counter: counter + 1, user: { id: 0 } })
    deliver(store, 1, chat.id, { authorId: 2 }, NOW)
    expect(row(store, chat.id).user).toMatchObject({ id: 2, name: 'Мария Иванова' })
  })

  it('a chat’s default author is a member other than the user', () => {
    const store = new PortalStore(120)
    const chat = items(store).find((item) => item.type === 'chat' && item.message.id > 0)!
    expect(deliver(store, 1, chat.id, {}, NOW)!.authorId).not.toBe(1)
  })

  it('ends a joined colleague’s flag: the row’s last message no longer has the USER_JOIN code (lib/recent.php, formatRow)', () => {
    const store = new PortalStore(120)
    const joined = store.truth(1).find((d) => d.joined)!
    deliver(store, 1, joined.id as number, {}, NOW)
    expect(row(store, joined.id).options).toEqual([])
    expect(store.truth(1).find((d) => d.id === joined.id)!.joined).toBe(false)
  })

  it('has nowhere to go without a dialog with messages: unknown ids, placeholder colleagues, hostile rows', () => {
    const store = new PortalStore(120)
    const placeholder = store.truth(1).find((d) => d.placeholder)!
    expect(deliver(store, 1, 'chat987654', {}, NOW)).toBeUndefined()
    expect(deliver(store, 1, placeholder.id as number, {}, NOW)).toBeUndefined()
    store.replace(1, [{ id: 'chat5', chat_id: 5, type: 'chat', message: { id: 'x' } }])
    expect(deliver(store, 1, 'chat5', {}, NOW)).toBeUndefined()
  })
})
