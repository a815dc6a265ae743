/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import type { MethodContext } from './types.ts'

type Item = Record<string, any>

interface State {
  counter?: number
  unread?: boolean
  muted?: boolean
}

/** A one-to-one row with user `partner`, in chat `chatId`. */
function dialog(
  partner: number,
  chatId: number,
  { counter = 0, unread = false }: State = {},
): Item {
  return {
    id: partner,
    chat_id: chatId,
    type: 'user',
    message: { id: 5_000_000 + chatId, author_id: partner },
    counter,
    unread,
    user: { id: partner, active: true },
    chat: { mute_list: [] },
  }
}

/** A chat row of `chat.type` `kind` with TYPE letter `letter`. */
function chat(
  chatId: number,
  kind: string,
  letter: string,
  { counter = 0, unread = false, muted = false }: State = {},
): Item {
  return {
    id: `chat${chatId}`,
    chat_id: chatId,
    type: 'chat',
    message: { id: 5_000_000 + chatId, author_id: 7 },
    counter,
    unread,
    chat: { type: kind, message_type: letter, mute_list: muted ? { 1: true } : [] },
  }
}

/** User 1's counters with `items` as the list, the shape `shape`, nothing queued, no comments. */
function countersFor(
  items: Item[],
  shape: 'current' | 'legacy' = 'current',
  setup?: (store: PortalStore) => void,
) {
  const store = new PortalStore(0, [], shape)
  store.replace(1, items)
  setup?.(store)
  const ctx: MethodContext = { userId: 1, isAdmin: false, store }
  return dispatch('im.counters.get', {}, ctx).result as any
}

describe('im.counters.get, current shape (im module lib/V2/Reading/Counter/Adapter/LegacyCountersAdapter.php, toArrayWithDialogs)', () => {
  it('starts from getDefaultResult: TYPE in its order with the notifications, every map and list an empty PHP array []', () => {
    const answer = countersFor([])
    expect(answer).toEqual({
      TYPE: {
        ALL: 3,
        NOTIFY: 3,
        CHAT: 0,
        LINES: 0,
        DIALOG: 0,
        COPILOT: 0,
        COLLAB: 0,
        MESSENGER: 0,
        TASKS_TASK: 0,
      },
      CHAT: [],
      DIALOG: [],
      COLLAB: [],
      CHAT_MUTED: [],
      CHAT_UNREAD: [],
      DIALOG_UNREAD: [],
      COLLAB_UNREAD: [],
      COPILOT_UNREAD: [],
      TASKS_TASK_UNREAD: [],
      LINES: [],
      COPILOT: [],
      CHANNEL_COMMENT: [],
      TASKS_TASK: [],
    })
    expect(Object.keys(answer.TYPE)).toEqual([
      'ALL',
      'NOTIFY',
      'CHAT',
      'LINES',
      'DIALOG',
      'COPILOT',
      'COLLAB',
      'MESSENGER',
      'TASKS_TASK',
    ])
  })

  it('counts a dialog by the partner’s user id (getDialogIdMapping), in DIALOG and once in MESSENGER; ALL = MESSENGER + NOTIFY (finalizeResult)', () => {
    const answer = countersFor([dialog(42, 900, { counter: 5 })])
    expect(answer.DIALOG).toEqual({ 42: 5 })
    expect(answer.TYPE).toMatchObject({ DIALOG: 5, MESSENGER: 5, ALL: 8 })
  })

  it('puts every chat type in CHAT, copilot and collab chats in CHAT and their own bucket, open lines in LINES only, task chats in TASKS_TASK only; MESSENGER once each (processRegularChatCounter)', () => {
    const answer = countersFor([
      chat(10, 'chat', 'C', { counter: 1 }),
      chat(11, 'open', 'O', { counter: 1 }),
      chat(12, 'sonetGroup', 'C', { counter: 1 }),
      chat(13, 'channel', 'N', { counter: 1 }),
      chat(14, 'openChannel', 'J', { counter: 1 }),
      chat(15, 'somethingNew', 'Q', { counter: 1 }),
      chat(20, 'copilot', 'A', { counter: 2 }),
      chat(30, 'collab', 'B', { counter: 3 }),
      chat(40, 'lines', 'L', { counter: 4 }),
      chat(50, 'tasksTask', 'X', { counter: 5 }),
    ])
    expect(answer.CHAT).toEqual({ 10: 1, 11: 1, 12: 1, 13: 1, 14: 1, 15: 1, 20: 2, 30: 3 })
    expect([answer.COPILOT, answer.COLLAB, answer.LINES, answer.TASKS_TASK]).toEqual([
      { 20: 2 },
      { 30: 3 },
      { 40: 4 },
      { 50: 5 },
    ])
    expect(answer.TYPE).toMatchObject({
      CHAT: 11,
      COPILOT: 2,
      COLLAB: 3,
      LINES: 4,
      TASKS_TASK: 5,
      MESSENGER: 20,
    })
  })

  it('a muted chat or dialog with unread messages goes to CHAT_MUTED by chat id and counts nowhere; its mark is still listed', () => {
    const muted = {
      ...dialog(42, 900, { counter: 4, unread: true }),
      chat: { mute_list: { 1: true } },
    }
    const answer = countersFor([
      chat(10, 'chat', 'C', { counter: 2, unread: true, muted: true }),
      muted,
    ])
    expect(answer.CHAT_MUTED).toEqual({ 10: 2, 900: 4 })
    expect([answer.CHAT, answer.DIALOG]).toEqual([[], []])
    expect([answer.CHAT_UNREAD, answer.DIALOG_UNREAD]).toEqual([[10], [42]])
    expect(answer.TYPE).toMatchObject({ CHAT: 0, DIALOG: 0, MESSENGER: 0, ALL: 3 })
  })

  it('a mark counts 1 only when nothing is unread: a dialog in DIALOG and MESSENGER, a chat in each of its buckets and MESSENGER; a mark beside unread messages adds nothing', () => {
    const answer = countersFor([
      dialog(42, 900, { unread: true }),
      dialog(43, 901, { counter: 2, unread: true }),
      chat(20, 'copilot', 'A', { unread: true }),
      chat(50, 'tasksTask', 'X', { unread: true }),
      chat(10, 'chat', 'C', { counter: 3, unread: true }),
    ])
    expect(answer.TYPE).toMatchObject({
      DIALOG: 3,
      CHAT: 4,
      COPILOT: 1,
      TASKS_TASK: 1,
      MESSENGER: 8,
    })
    expect(answer.DIALOG).toEqual({ 43: 2 })
    expect(answer.DIALOG_UNREAD).toEqual([42, 43])
    expect([answer.CHAT_UNREAD, answer.COPILOT_UNREAD, answer.TASKS_TASK_UNREAD]).toEqual([
      [20, 10],
      [20],
      [50],
    ])
  })

  it('a marked open line counts nothing and is in no list', () => {
    const answer = countersFor([chat(40, 'lines', 'L', { unread: true })])
    expect(answer.TYPE).toMatchObject({ LINES: 0, MESSENGER: 0 })
    expect([answer.LINES, answer.CHAT_UNREAD]).toEqual([[], []])
  })

  it('each queued open line is LINES[chatId] = 1, +1 LINES, +1 MESSENGER, over any real count; a null entry is skipped (UserCounters::addAdditionalOpenLineCounter)', () => {
    const answer = countersFor([chat(40, 'lines', 'L', { counter: 7 })], 'current', (store) => {
      store.user(1).queued = [chat(40, 'lines', 'L'), null, chat(41, 'lines', 'L')]
    })
    expect(answer.LINES).toEqual({ 40: 1, 41: 1 })
    expect(answer.TYPE).toMatchObject({ LINES: 2, MESSENGER: 2 })
  })

  it('channel comments go to CHANNEL_COMMENT {channel: {comment chat: n}} and MESSENGER only (processChannelComment)', () => {
    const answer = countersFor([chat(13, 'channel', 'N', { counter: 1 })], 'current', (store) => {
      store.user(1).comments = new Map([[13, new Map([[700_013, 2]])]])
    })
    expect(answer.CHANNEL_COMMENT).toEqual({ 13: { 700013: 2 } })
    expect(answer.TYPE).toMatchObject({ CHAT: 1, MESSENGER: 3, ALL: 6 })
  })

  it('placeholder colleagues (no message, no chat) count nothing', () => {
    const placeholder = {
      ...dialog(30_010, 0, { counter: 2, unread: true }),
      message: { id: 0 },
      options: { default_user_record: true },
    }
    expect(countersFor([placeholder]).TYPE).toMatchObject({ DIALOG: 0, MESSENGER: 0 })
  })

  it('follows reading: im.dialog.read takes a chat out, im.dialog.read.all zeroes everything but the queue', () => {
    const store = new PortalStore(120)
    const ctx: MethodContext = { userId: 1, isAdmin: false, store }
    const counters = () => dispatch('im.counters.get', {}, ctx).result as any
    const target = store
      .truth(1)
      .find((d) => d.chatType === 'chat' && (d.counter as number) > 0 && Array.isArray(d.muteList))!
    expect(counters().CHAT[String(target.chatId)]).toBe(target.counter)
    dispatch('im.dialog.read', { DIALOG_ID: target.id }, ctx)
    expect(counters().CHAT[String(target.chatId)]).toBeUndefined()
    dispatch('im.dialog.read.all', {}, ctx)
    const queued = store.user(1).queued.filter((line) => line !== null).length
    expect(counters().TYPE).toMatchObject({
      ALL: queued,
      NOTIFY: 0,
      MESSENGER: queued,
      LINES: queued,
      CHAT: 0,
      DIALOG: 0,
    })
  })
})

describe('im.counters.get, older shape (im module lib/counter.php, Counter::get)', () => {
  it('has TYPE {ALL, NOTIFY, DIALOG, CHAT, LINES} and DIALOG, DIALOG_UNREAD, CHAT, CHAT_MUTED, CHAT_UNREAD, LINES; notifications in ALL', () => {
    const answer = countersFor([], 'legacy')
    expect(answer).toEqual({
      TYPE: { ALL: 3, NOTIFY: 3, DIALOG: 0, CHAT: 0, LINES: 0 },
      DIALOG: [],
      DIALOG_UNREAD: [],
      CHAT: [],
      CHAT_MUTED: [],
      CHAT_UNREAD: [],
      LINES: [],
    })
  })

  it('counts dialogs by partner, a marked dialog without messages +1 in DIALOG_UNREAD; muting a dialog changes nothing; an inactive partner is left out', () => {
    const inactive = { ...dialog(44, 902, { counter: 9 }), user: { id: 44, active: false } }
    const muted = { ...dialog(45, 903, { counter: 1 }), chat: { mute_list: { 1: true } } }
    const answer = countersFor(
      [dialog(42, 900, { counter: 2 }), dialog(43, 901, { unread: true }), inactive, muted],
      'legacy',
    )
    expect(answer.DIALOG).toEqual({ 42: 2, 45: 1 })
    expect(answer.DIALOG_UNREAD).toEqual([43])
    expect(answer.TYPE).toMatchObject({ DIALOG: 4, ALL: 7 })
  })

  it('puts every other chat — copilot, collab, task chats too — in CHAT, a muted one in CHAT_MUTED; a mark without messages counts 1 unless muted and is listed either way', () => {
    const answer = countersFor(
      [
        chat(20, 'copilot', 'A', { counter: 2 }),
        chat(30, 'collab', 'B', { counter: 3 }),
        chat(50, 'tasksTask', 'X', { counter: 1 }),
        chat(10, 'chat', 'C', { counter: 4, muted: true }),
        chat(11, 'chat', 'C', { unread: true }),
        chat(12, 'chat', 'C', { unread: true, muted: true }),
      ],
      'legacy',
    )
    expect(answer.CHAT).toEqual({ 20: 2, 30: 3, 50: 1 })
    expect(answer.CHAT_MUTED).toEqual({ 10: 4 })
    expect(answer.CHAT_UNREAD).toEqual([11, 12])
    expect(answer.TYPE).toMatchObject({ CHAT: 7, ALL: 10 })
  })

  it('counts open lines as they are, muted too; no queue, no comments, no MESSENGER', () => {
    const answer = countersFor(
      [chat(40, 'lines', 'L', { counter: 2, muted: true })],
      'legacy',
      (store) => {
        store.user(1).queued = [chat(41, 'lines', 'L')]
        store.user(1).comments = new Map([[13, new Map([[700_013, 2]])]])
      },
    )
    expect(answer.LINES).toEqual({ 40: 2 })
    expect(answer.TYPE).toEqual({ ALL: 5, NOTIFY: 3, DIALOG: 0, CHAT: 0, LINES: 2 })
    expect(answer).not.toHaveProperty('CHANNEL_COMMENT')
  })
})
