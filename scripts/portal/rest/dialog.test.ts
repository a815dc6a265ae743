/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import type { MethodContext } from './types.ts'

function context(dialogs = 120): MethodContext {
  return { userId: 1, isAdmin: true, store: new PortalStore(dialogs) }
}

type Item = Record<string, any>
const items = (ctx: MethodContext) => ctx.store.user(1).items as Item[]
const row = (ctx: MethodContext, id: unknown) => items(ctx).find((item) => item.id === id)!
const call = (ctx: MethodContext, method: string, params: Record<string, unknown>) =>
  dispatch(method, params, ctx).result as any
const historyOf = (ctx: MethodContext, item: Item) => ctx.store.histories.of(item, 1)!
const unreadIds = (ctx: MethodContext, item: Item) =>
  [...historyOf(ctx, item).unread].sort((a, b) => a - b)

/** A dialog with unread messages and the manual mark (demo position 13 is such a chat). */
function markedWithMessages(ctx: MethodContext, type = 'chat'): Item {
  return items(ctx).find((item) => item.type === type && item.counter > 2 && item.unread)!
}

/** The demo channel: unread messages and unread comments under its posts. */
const channelOf = (ctx: MethodContext) => items(ctx).find((item) => item.chat?.type === 'channel')!

describe('im.dialog.read without an id (im module lib/V2/Reading/Reader.php, readAllInChat)', () => {
  it('reads every message, moves the cursor to the last one and clears the manual mark (RecentReader::read)', () => {
    const ctx = context()
    const item = markedWithMessages(ctx)
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: item.id })).toEqual({
      dialogId: item.id,
      chatId: item.chat_id,
      lastId: item.message.id,
      counter: 0,
    })
    expect(row(ctx, item.id)).toMatchObject({ counter: 0, unread: false, last_id: item.message.id })
    expect(unreadIds(ctx, item)).toEqual([])
  })

  it('reads the channel’s comments with it (readChildren)', () => {
    const ctx = context()
    const channel = channelOf(ctx)
    expect(ctx.store.truth(1).find((d) => d.id === channel.id)!.comments).toBeGreaterThan(0)
    call(ctx, 'im.dialog.read', { DIALOG_ID: channel.id })
    expect(ctx.store.truth(1).find((d) => d.id === channel.id)!.comments).toBe(0)
  })

  it('takes a MESSAGE_ID or LAST_ID ≤ 0 as no id', () => {
    for (const params of [{ MESSAGE_ID: 0 }, { LAST_ID: -3 }, { MESSAGE_ID: 'abc' }]) {
      const ctx = context()
      const item = markedWithMessages(ctx)
      call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, ...params })
      expect(row(ctx, item.id), JSON.stringify(params)).toMatchObject({ counter: 0, unread: false })
    }
  })

  it('a chat without messages: nothing changes, the mark stays (the Reader returns before reading)', () => {
    const ctx = context(0)
    const empty = {
      id: 'chat7',
      chat_id: 7,
      type: 'chat',
      message: { id: 0 },
      counter: 0,
      unread: true,
    }
    ctx.store.replace(1, [empty])
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: 'chat7' })).toEqual({
      dialogId: 'chat7',
      chatId: 7,
      lastId: 0,
      counter: 0,
    })
    expect(row(ctx, 'chat7').unread).toBe(true)
  })
})

describe('im.dialog.read up to an id (im module lib/V2/Reading/Reader.php, readTo; classes/general/im_rest.php, dialogRead)', () => {
  it('reads the unread messages up to it, moves the cursor there, keeps the mark (RecentReader::updateDateUpdate only)', () => {
    const ctx = context()
    const item = markedWithMessages(ctx)
    const [, second, ...rest] = unreadIds(ctx, item)
    const answer = call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, MESSAGE_ID: second })
    expect(answer).toEqual({
      dialogId: item.id,
      chatId: item.chat_id,
      lastId: second,
      counter: rest.length,
    })
    expect(row(ctx, item.id)).toMatchObject({ counter: rest.length, unread: true, last_id: second })
    expect(unreadIds(ctx, item)).toEqual(rest)
  })

  it('LAST_ID, when set, overwrites MESSAGE_ID', () => {
    const ctx = context()
    const item = markedWithMessages(ctx)
    const [first, ...rest] = unreadIds(ctx, item)
    call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, MESSAGE_ID: item.message.id, LAST_ID: first })
    expect(unreadIds(ctx, item)).toEqual(rest)
  })

  it('the cursor only moves forward, and to an id the chat does not hold too (readTo checks nothing)', () => {
    const ctx = context()
    const item = markedWithMessages(ctx)
    const before = { counter: item.counter, last_id: item.last_id }
    call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, MESSAGE_ID: item.last_id - 5 })
    expect(row(ctx, item.id)).toMatchObject(before)
    const beyond = item.message.id + 7
    call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, MESSAGE_ID: beyond })
    expect(row(ctx, item.id)).toMatchObject({ counter: 0, last_id: beyond, unread: true })
  })

  it('leaves the channel’s comments unread', () => {
    const ctx = context()
    const channel = channelOf(ctx)
    call(ctx, 'im.dialog.read', { DIALOG_ID: channel.id, MESSAGE_ID: channel.message.id })
    expect(ctx.store.truth(1).find((d) => d.id === channel.id)!.comments).toBeGreaterThan(0)
  })

  it('answers a one-to-one dialog with its partner’s id as an int and the counter uncapped (CIMMessage::SetReadMessage), a chat with chatN and the counter capped at 100 (CIMChat::SetReadMessage)', () => {
    const ctx = context(0)
    const message = (id: number, author: number) => ({ id, author_id: author, text: 'x' })
    ctx.store.replace(1, [
      { id: 42, chat_id: 9, type: 'user', message: message(9_000_000, 42), counter: 150 },
      { id: 'chat8', chat_id: 8, type: 'chat', message: message(8_000_000, 42), counter: 150 },
    ])
    const [first42] = unreadIds(ctx, row(ctx, 42))
    const [first8] = unreadIds(ctx, row(ctx, 'chat8'))
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: '42', MESSAGE_ID: first42 })).toMatchObject({
      dialogId: 42,
      counter: 149,
    })
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: 'chat8', MESSAGE_ID: first8 })).toMatchObject({
      dialogId: 'chat8',
      counter: 100,
    })
    expect(row(ctx, 'chat8').counter).toBe(149)
  })
})

describe('im.dialog.read: which dialog (im module lib/dialog.php, Dialog::read / getChatId)', () => {
  it('finds chats by chatN in any case and workgroup chats by sgN', () => {
    const ctx = context(300)
    const group = items(ctx).find(
      (item) => item.chat?.entity_type === 'SONET_GROUP' && item.counter > 0,
    )!
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: `SG${group.chat.entity_id}` })).toMatchObject({
      dialogId: group.id,
      counter: 0,
    })
    const chat = items(ctx).find((item) => item.type === 'chat' && item.counter > 0)!
    call(ctx, 'im.dialog.read', { DIALOG_ID: String(chat.id).toUpperCase() })
    expect(row(ctx, chat.id).counter).toBe(0)
  })

  it('notify reads the notifications (MarkNotifyRead) and answers true', () => {
    const ctx = context()
    expect(ctx.store.user(1).notify).toBe(3)
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: 'notify' })).toBe(true)
    expect(ctx.store.user(1).notify).toBe(0)
  })

  it('answers false where the user has no such dialog: a placeholder colleague, crmN, an unknown dialog, a queued open line', () => {
    const ctx = context()
    const placeholder = items(ctx).find(
      (item) => item.options?.default_user_record && item.message.id === 0,
    )!
    const queued = (ctx.store.user(1).queued as (Item | null)[]).find((line) => line !== null)!
    for (const id of [placeholder.id, 'crm5', 'chat987654', 987654, queued.id]) {
      expect(call(ctx, 'im.dialog.read', { DIALOG_ID: id }), String(id)).toBe(false)
    }
  })

  it('reads a joined colleague’s dialog: a real dialog flagged like a placeholder (lib/recent.php, formatRow)', () => {
    const ctx = context()
    const joined = ctx.store.truth(1).find((d) => d.joined && (d.counter as number) > 0)!
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: joined.id })).toMatchObject({
      dialogId: joined.id,
      counter: 0,
    })
    expect(call(ctx, 'im.recent.unread', { DIALOG_ID: joined.id, ACTION: 'Y' })).toBe(true)
    expect(row(ctx, joined.id).unread).toBe(true)
  })

  it('400 DIALOG_ID_EMPTY for a missing or malformed id', () => {
    const ctx = context()
    for (const params of [{}, { DIALOG_ID: 'chatX' }, { DIALOG_ID: 0 }]) {
      expect(() => call(ctx, 'im.dialog.read', params)).toThrow(
        expect.objectContaining({ status: 400, code: 'DIALOG_ID_EMPTY' }),
      )
    }
  })
})

describe('im.dialog.read.all (im module lib/V2/Reading/Reader.php, readAll)', () => {
  it('clears every unread message and every manual mark, open lines included, and the notifications (the notify chat’s rows go too)', () => {
    const ctx = context()
    const touched = markedWithMessages(ctx)
    historyOf(ctx, touched)
    expect(call(ctx, 'im.dialog.read.all', {})).toBe(true)
    expect(ctx.store.truth(1).every((d) => d.counter === 0 && d.unread === false)).toBe(true)
    expect(unreadIds(ctx, touched)).toEqual([])
    expect(ctx.store.user(1).notify).toBe(0)
    expect(ctx.store.truth(1).every((d) => d.comments === 0)).toBe(true)
  })

  it('moves cursors to the last message, except open lines’ (LastIdUpdater::updateAll)', () => {
    const ctx = context(300)
    const line = items(ctx).find((item) => item.chat?.type === 'lines' && item.counter > 0)!
    const cursor = line.last_id
    call(ctx, 'im.dialog.read.all', {})
    expect(row(ctx, line.id).last_id).toBe(cursor)
    const others = items(ctx).filter((item) => item.message.id > 0 && item.chat?.type !== 'lines')
    expect(others.every((item) => item.last_id === item.message.id)).toBe(true)
  })

  it('leaves the queued open lines alone (they are not the user’s rows)', () => {
    const ctx = context()
    const before = structuredClone(ctx.store.user(1).queued)
    call(ctx, 'im.dialog.read.all', {})
    expect(ctx.store.user(1).queued).toEqual(before)
  })
})

describe('im.dialog.unread (im module classes/general/im_rest.php, dialogUnread; classes/general/im_message.php, SetLastIdForUnread / SetUnReadMessage)', () => {
  /** A read chat whose history holds messages of the user after its middle. */
  function readChat(ctx: MethodContext): Item {
    return items(ctx).find((item) => {
      if (item.type !== 'chat' || item.counter !== 0 || item.unread || item.message.id <= 0)
        return false
      return historyOf(ctx, item)
        .messages.slice(-6)
        .some((m) => m.authorId === 1)
    })!
  }

  it('in a chat: the cursor goes to the message before the threshold, every message from it on that is not the user’s own becomes unread; the mark is not touched', () => {
    const ctx = context(300)
    const chat = readChat(ctx)
    const { messages } = historyOf(ctx, chat)
    const from = messages.at(-6)!
    expect(call(ctx, 'im.dialog.unread', { DIALOG_ID: chat.id, MESSAGE_ID: from.id })).toBe(true)
    const expected = messages.slice(-6).filter((m) => m.authorId !== 1)
    expect(unreadIds(ctx, chat)).toEqual(expected.map((m) => m.id))
    expect(row(ctx, chat.id)).toMatchObject({
      counter: expected.length,
      last_id: messages.at(-7)!.id,
      unread: false,
    })
  })

  it('in a chat, an id from another chat is a threshold all the same; unread messages before it stay unread', () => {
    const ctx = context(300)
    const chat = readChat(ctx)
    const { messages } = historyOf(ctx, chat)
    const newest = messages.at(-1)!
    const older = messages.at(-4)!
    call(ctx, 'im.dialog.unread', { DIALOG_ID: chat.id, MESSAGE_ID: newest.id })
    // Between two messages of the chat lie other chats' ids: take one.
    const foreign = older.id + 1
    expect(messages.some((m) => m.id === foreign)).toBe(false)
    call(ctx, 'im.dialog.unread', { DIALOG_ID: chat.id, MESSAGE_ID: foreign })
    const expected = messages.filter((m) => m.id > foreign && m.authorId !== 1).map((m) => m.id)
    expect(unreadIds(ctx, chat)).toEqual(expected)
    expect(row(ctx, chat.id).last_id).toBe(older.id)
  })

  it('in a one-to-one dialog an id that is not one of its messages changes nothing; one of its own works', () => {
    const ctx = context()
    const dialog = items(ctx).find(
      (item) => item.type === 'user' && item.counter === 0 && item.message.id > 0,
    )!
    const { messages } = historyOf(ctx, dialog)
    const before = { counter: dialog.counter, last_id: dialog.last_id }
    call(ctx, 'im.dialog.unread', { DIALOG_ID: dialog.id, MESSAGE_ID: messages.at(-3)!.id + 1 })
    expect(row(ctx, dialog.id)).toMatchObject(before)
    call(ctx, 'im.dialog.unread', { DIALOG_ID: dialog.id, MESSAGE_ID: messages.at(-3)!.id })
    const expected = messages.slice(-3).filter((m) => m.authorId !== 1)
    expect(row(ctx, dialog.id)).toMatchObject({
      counter: expected.length,
      last_id: messages.at(-4)!.id,
    })
  })

  it('answers true whatever happened: an unknown dialog, a message after the last', () => {
    const ctx = context()
    const item = items(ctx).find((i) => i.type === 'chat' && i.message.id > 0)!
    const before = structuredClone(items(ctx))
    expect(call(ctx, 'im.dialog.unread', { DIALOG_ID: 'chat987654', MESSAGE_ID: 5 })).toBe(true)
    const counter = item.counter
    expect(
      call(ctx, 'im.dialog.unread', { DIALOG_ID: item.id, MESSAGE_ID: item.message.id + 1 }),
    ).toBe(true)
    expect(row(ctx, item.id).counter).toBe(counter)
    expect(items(ctx).filter((i) => i !== item)).toEqual(before.filter((i) => i.id !== item.id))
  })

  it('400 MESSAGE_ID_ERROR without a positive MESSAGE_ID, checked before the dialog id', () => {
    const ctx = context()
    for (const params of [{ DIALOG_ID: 'chat1' }, { DIALOG_ID: 'nonsense', MESSAGE_ID: 0 }, {}]) {
      expect(() => call(ctx, 'im.dialog.unread', params)).toThrow(
        expect.objectContaining({
          status: 400,
          code: 'MESSAGE_ID_ERROR',
          description: "First unread message id can't be empty",
        }),
      )
    }
    expect(() => call(ctx, 'im.dialog.unread', { DIALOG_ID: 'notify', MESSAGE_ID: 5 })).toThrow(
      expect.objectContaining({ status: 400, code: 'DIALOG_ID_EMPTY' }),
    )
  })
})
