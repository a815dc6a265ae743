/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import type { MethodContext } from './types.ts'

function context(dialogs = 120): MethodContext {
  return { userId: 1, isAdmin: true, store: new PortalStore(dialogs) }
}

type Item = Record<string, any>
const row = (ctx: MethodContext, id: unknown) =>
  (ctx.store.user(1).items as Item[]).find((item) => item.id === id)!
const call = (ctx: MethodContext, method: string, params: Record<string, unknown>) =>
  dispatch(method, params, ctx).result

/** A dialog with unread messages and the manual mark (the demo data holds such). */
function markedWithMessages(ctx: MethodContext): Item {
  return (ctx.store.user(1).items as Item[]).find((item) => item.counter > 2 && item.unread)!
}

describe('demo dialogs keep message ids consistent with the counter', () => {
  it('last_id (last read) is message.id - counter for every generated dialog', () => {
    const items = context(300).store.user(1).items as Item[]
    for (const item of items.filter((i) => i.message.id > 0)) {
      expect(item.last_id, String(item.id)).toBe(item.message.id - item.counter)
    }
  })
})

describe('im.dialog.read (b24restdocs api-reference/chats/messages/im-dialog-read.md; im module Dialog::read → V2\\Reading\\Reader)', () => {
  it('without MESSAGE_ID reads everything and clears the manual mark too (Reader::readAllInChat → RecentReader::read)', () => {
    const ctx = context()
    const item = markedWithMessages(ctx)
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: item.id })).toEqual({
      dialogId: String(item.id),
      chatId: item.chat_id,
      counter: 0,
      lastId: item.message.id,
    })
    expect(row(ctx, item.id)).toMatchObject({ counter: 0, unread: false, last_id: item.message.id })
  })

  it('with MESSAGE_ID (or its older name LAST_ID) reads up to it; the mark stays (Reader::read only touches the date)', () => {
    for (const name of ['MESSAGE_ID', 'LAST_ID', 'message_id']) {
      const ctx = context()
      const item = markedWithMessages(ctx)
      const upTo = item.message.id - 1
      const answer = call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, [name]: upTo })
      expect(answer, name).toMatchObject({ counter: 1, lastId: upTo })
      expect(row(ctx, item.id)).toMatchObject({ counter: 1, unread: true, last_id: upTo })
    }
  })

  it('reading up to an already read message changes nothing; a non-positive MESSAGE_ID reads all', () => {
    const ctx = context()
    const item = markedWithMessages(ctx)
    const { counter, last_id: lastId } = item
    call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, MESSAGE_ID: lastId - 5 })
    expect(row(ctx, item.id)).toMatchObject({ counter, last_id: lastId })
    call(ctx, 'im.dialog.read', { DIALOG_ID: item.id, MESSAGE_ID: 0 })
    expect(row(ctx, item.id)).toMatchObject({ counter: 0, unread: false })
  })

  it('finds chats by chatN in any case and workgroup chats by sgN (Dialog::getChatId)', () => {
    const ctx = context(300)
    const group = (ctx.store.user(1).items as Item[]).find(
      (item) => item.chat?.entity_type === 'SONET_GROUP' && item.counter > 0,
    )!
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: `SG${group.chat.entity_id}` })).toMatchObject({
      dialogId: group.id,
      counter: 0,
    })
    const chat = (ctx.store.user(1).items as Item[]).find(
      (item) => item.type === 'chat' && item.counter > 0,
    )!
    call(ctx, 'im.dialog.read', { DIALOG_ID: String(chat.id).toUpperCase() })
    expect(row(ctx, chat.id).counter).toBe(0)
  })

  it('answers true for notify, false where there is no chat to read: a placeholder colleague, crmN, an unknown dialog', () => {
    const ctx = context()
    const placeholder = (ctx.store.user(1).items as Item[]).find(
      (item) => item.options?.default_user_record,
    )!
    expect(call(ctx, 'im.dialog.read', { DIALOG_ID: 'notify' })).toBe(true)
    for (const id of [placeholder.id, 'crm5', 'chat987654', 987654]) {
      expect(call(ctx, 'im.dialog.read', { DIALOG_ID: id }), String(id)).toBe(false)
    }
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

describe('im.dialog.read.all (PROTOCOL.md §4; im module Reader::readAll)', () => {
  it('reads every dialog and clears every manual mark', () => {
    const ctx = context()
    expect(call(ctx, 'im.dialog.read.all', {})).toBe(true)
    const truth = ctx.store.truth(1)
    expect(truth.every((d) => d.counter === 0 && d.unread === false)).toBe(true)
  })
})

describe('im.dialog.unread (PROTOCOL.md §4; im module CIMRestService::dialogUnread)', () => {
  it('makes the messages from MESSAGE_ID on unread: counter = messages from it to the last; the mark is not touched', () => {
    const ctx = context()
    const item = (ctx.store.user(1).items as Item[]).find(
      (i) => i.type === 'chat' && i.counter === 0 && !i.unread && i.message.id > 0,
    )!
    expect(
      call(ctx, 'im.dialog.unread', { DIALOG_ID: item.id, MESSAGE_ID: item.message.id - 3 }),
    ).toBe(true)
    expect(row(ctx, item.id)).toMatchObject({
      counter: 4,
      last_id: item.message.id - 4,
      unread: false,
    })
  })

  it('answers true whatever happened: an unknown dialog, a message after the last', () => {
    const ctx = context()
    const item = (ctx.store.user(1).items as Item[]).find((i) => i.type === 'user')!
    const before = structuredClone(ctx.store.user(1).items)
    expect(call(ctx, 'im.dialog.unread', { DIALOG_ID: 'chat987654', MESSAGE_ID: 5 })).toBe(true)
    expect(
      call(ctx, 'im.dialog.unread', { DIALOG_ID: item.id, MESSAGE_ID: item.message.id + 1 }),
    ).toBe(true)
    expect(ctx.store.user(1).items).toEqual(before)
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

describe('im.counters.get (b24restdocs api-reference/chats/im-counters-get.md)', () => {
  it('follows reading; manual marks are not message counters', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && (d.counter as number) > 0)!
    const before = call(ctx, 'im.counters.get', {}) as any
    expect(before.CHAT[String(target.chatId)]).toBe(target.counter)
    call(ctx, 'im.dialog.read', { DIALOG_ID: target.id })
    const after = call(ctx, 'im.counters.get', {}) as any
    expect(after.CHAT[String(target.chatId)]).toBeUndefined()
    expect(after.TYPE.ALL).toBe(before.TYPE.ALL - (target.counter as number))
  })
})
