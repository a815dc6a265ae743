/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import type { MethodContext } from './types.ts'

type Item = Record<string, any>

/** User 1 with one group chat (id 77) whose newest message is 9,000,000 and `counter` unread. */
function chatWith(counter: number): { ctx: MethodContext; chat: Item } {
  const store = new PortalStore(0)
  const chat = {
    id: 'chat77',
    chat_id: 77,
    type: 'chat',
    message: { id: 9_000_000, author_id: 2, text: 'newest', date: '2026-02-26T10:00:00+01:00' },
    counter,
    last_id: 0,
    user: { id: 2 },
    chat: { type: 'chat', message_type: 'C' },
  }
  store.replace(1, [chat])
  const ctx = { userId: 1, isAdmin: false, store }
  const history = store.histories.of(chat, 1)!
  // The cursor is the newest read message, as in generated data.
  chat.last_id = history.messages.filter((m) => !history.unread.has(m.id)).at(-1)!.id
  return { ctx, chat }
}

const get = (ctx: MethodContext, params: Record<string, unknown>) =>
  dispatch('im.dialog.messages.get', params, ctx).result as any
const ids = (answer: any) => answer.messages.map((m: any) => m.id)
const historyIds = (ctx: MethodContext, chat: Item) =>
  ctx.store.histories.of(chat, 1)!.messages.map((m) => m.id)

describe('im.dialog.messages.get: which dialog (im module classes/general/im_rest.php, dialogMessagesGet)', () => {
  it('CHAT_ID > 0 overrides DIALOG_ID, as `chat` + the raw value', () => {
    const { ctx } = chatWith(0)
    expect(get(ctx, { CHAT_ID: 77, DIALOG_ID: 'nonsense' }).chat_id).toBe(77)
    expect(get(ctx, { CHAT_ID: '77' }).chat_id).toBe(77)
    expect(() => get(ctx, { CHAT_ID: '77abc' })).toThrow(
      expect.objectContaining({ status: 400, code: 'DIALOG_ID_EMPTY' }),
    )
  })

  it('400 DIALOG_ID_EMPTY for a missing or malformed id; 403 ACCESS_ERROR for a chat the user is not in (Dialog::hasAccess)', () => {
    const { ctx } = chatWith(0)
    for (const params of [{}, { DIALOG_ID: 'chatX' }, { CHAT_ID: 0 }]) {
      expect(() => get(ctx, params)).toThrow(
        expect.objectContaining({ status: 400, code: 'DIALOG_ID_EMPTY' }),
      )
    }
    for (const DIALOG_ID of ['chat78', 'sg5', 'crm3']) {
      expect(() => get(ctx, { DIALOG_ID })).toThrow(
        expect.objectContaining({
          status: 403,
          code: 'ACCESS_ERROR',
          description: 'You do not have access to the specified dialog',
        }),
      )
    }
  })

  it('answers false for a one-to-one dialog without a chat: a placeholder colleague, a user with no dialog (Chat::getMessages)', () => {
    const ctx: MethodContext = { userId: 1, isAdmin: false, store: new PortalStore(120) }
    const placeholder = ctx.store.truth(1).find((d) => d.placeholder)!
    expect(get(ctx, { DIALOG_ID: placeholder.id })).toBe(false)
    expect(get(ctx, { DIALOG_ID: 987654 })).toBe(false)
  })

  it('FIRST_ID wins and must be digits (FIRST_ID_STRING); else LAST_ID must be (LAST_ID_STRING)', () => {
    const { ctx } = chatWith(0)
    expect(() => get(ctx, { DIALOG_ID: 'chat77', FIRST_ID: 'abc', LAST_ID: 5 })).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'FIRST_ID_STRING',
        description: "First ID can't be string",
      }),
    )
    for (const LAST_ID of ['-1', '1.5', 'x', false]) {
      expect(() => get(ctx, { DIALOG_ID: 'chat77', LAST_ID })).toThrow(
        expect.objectContaining({
          status: 400,
          code: 'LAST_ID_STRING',
          description: "Last ID can't be string",
        }),
      )
    }
    expect(get(ctx, { DIALOG_ID: 'chat77', FIRST_ID: '0\n' }).messages.length).toBeGreaterThan(0)
  })
})

describe('im.dialog.messages.get: which messages (im module lib/chat.php, Chat::getMessages)', () => {
  it('FIRST_ID: the messages after it, oldest first; LAST_ID: the ones before it, newest first; LIMIT 20 by default, 50 at most', () => {
    const { ctx, chat } = chatWith(60)
    const all = historyIds(ctx, chat)
    const first = get(ctx, { DIALOG_ID: 'chat77', FIRST_ID: all[3] })
    expect(ids(first)).toEqual(all.slice(4, 24))
    const last = get(ctx, { DIALOG_ID: 'chat77', LAST_ID: all.at(-5), LIMIT: 500 })
    expect(ids(last)).toEqual(all.slice(0, -5).reverse().slice(0, 50))
    expect(ids(get(ctx, { DIALOG_ID: 'chat77', FIRST_ID: 0, LIMIT: 3 }))).toEqual(all.slice(0, 3))
  })

  it('neither, nothing unread: the newest LIMIT, newest first', () => {
    const { ctx, chat } = chatWith(0)
    const all = historyIds(ctx, chat)
    expect(ids(get(ctx, { DIALOG_ID: 'chat77', LIMIT: 5 }))).toEqual(all.slice(-5).reverse())
  })

  it('neither, unread ≤ LIMIT: the page grows by the unread counter', () => {
    const { ctx, chat } = chatWith(4)
    const all = historyIds(ctx, chat)
    expect(ids(get(ctx, { DIALOG_ID: 'chat77', LIMIT: 5 }))).toEqual(all.slice(-9).reverse())
  })

  it('neither, unread > LIMIT: the first LIMIT after the cursor, newest first, then LIMIT older than the first unread; users only from the first part', () => {
    const { ctx, chat } = chatWith(12)
    const history = ctx.store.histories.of(chat, 1)!
    const all = historyIds(ctx, chat)
    const firstUnread = all.length - 12
    const answer = get(ctx, { DIALOG_ID: 'chat77', LIMIT: 5 })
    expect(ids(answer)).toEqual([
      ...all.slice(firstUnread, firstUnread + 5).reverse(),
      ...all.slice(firstUnread - 5, firstUnread).reverse(),
    ])
    const firstPartAuthors = new Set(
      history.messages
        .slice(firstUnread, firstUnread + 5)
        .map((m) => m.authorId)
        .filter((id) => id !== 0),
    )
    expect(new Set(answer.users.map((u: any) => u.id))).toEqual(firstPartAuthors)
  })

  it('lists messages with the answer’s keys, unread where the cursor is below them, and their authors as users', () => {
    const { ctx, chat } = chatWith(2)
    const answer = get(ctx, { DIALOG_ID: 'chat77', LIMIT: 3 })
    expect(Object.keys(answer)).toEqual(['chat_id', 'messages', 'users', 'files'])
    expect(answer.files).toEqual([])
    const [newest] = answer.messages
    expect(newest).toEqual({
      id: 9_000_000,
      chat_id: 77,
      author_id: 2,
      date: '2026-02-26T10:00:00+01:00',
      text: 'newest',
      unread: true,
      uuid: null,
      replaces: [],
      params: [],
      disappearing_date: null,
    })
    expect(answer.messages.map((m: any) => m.unread)).toEqual(
      answer.messages.map((m: any) => m.id > chat.last_id),
    )
    expect(answer.users.find((u: any) => u.id === 2)).toMatchObject({
      name: 'Мария Иванова',
      idle: false,
    })
  })

  it('shows a joined colleague’s message with its CODE param (CIMMessageParam::Get keys stay upper-case)', () => {
    const ctx: MethodContext = { userId: 1, isAdmin: false, store: new PortalStore(120) }
    const joined = ctx.store.truth(1).find((d) => d.joined)!
    const [newest] = get(ctx, { DIALOG_ID: joined.id }).messages
    expect(newest.params).toEqual({ CODE: 'USER_JOIN' })
  })

  it('a chat without messages answers its empty page', () => {
    const store = new PortalStore(0)
    store.replace(1, [{ id: 'chat9', chat_id: 9, type: 'chat', message: { id: 0 } }])
    expect(get({ userId: 1, isAdmin: false, store }, { DIALOG_ID: 'chat9' })).toEqual({
      chat_id: 9,
      messages: [],
      users: [],
      files: [],
    })
  })
})
