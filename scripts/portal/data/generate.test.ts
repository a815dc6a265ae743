/* eslint-disable @typescript-eslint/no-explicit-any -- items are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from './store.ts'

// The demo list (`npm start`) holds each case the app must handle, at fixed places.
describe('demo data of user 1 (120 dialogs; data/generate.ts)', () => {
  const store = new PortalStore(120)
  const truth = store.truth(1)
  const item = (id: unknown) =>
    (store.user(1).items as Record<string, any>[]).find((candidate) => candidate.id === id)!

  it('holds a copilot chat, a channel, an open channel and a collab (im module lib/V2/Chat.php, IM_TYPE_*)', () => {
    for (const type of ['copilot', 'channel', 'openChannel', 'collab']) {
      expect(
        truth.some((d) => d.chatType === type),
        type,
      ).toBe(true)
    }
  })

  it('holds placeholder colleagues (options.default_user_record, message.id 0, counter 0)', () => {
    const placeholders = truth.filter((d) => d.placeholder)
    expect(placeholders.map((d) => truth.indexOf(d))).toEqual([10, 24, 61])
    for (const d of placeholders)
      expect(item(d.id)).toMatchObject({ type: 'user', counter: 0, message: { id: 0 } })
  })

  it('holds queued open lines with a null entry among them, counter 1 and no options key (imopenlines lib/recent.php, getRecent / formatRow)', () => {
    const queued = store.user(1).queued as (Record<string, any> | null)[]
    expect(queued.map((line) => line === null)).toEqual([false, true, false])
    const [line] = queued
    expect(line).toMatchObject({
      type: 'chat',
      chat: { type: 'lines' },
      lines: { status: 0 },
      counter: 1,
    })
    expect(line).not.toHaveProperty('options')
  })

  it('at 5 a muted chat with 3 unread messages', () => {
    expect(truth[5]).toMatchObject({
      type: 'chat',
      chatType: 'chat',
      counter: 3,
      muteList: { 1: true },
    })
  })

  it('at 6 a channel with 1 unread message and 2 unread comments under its post', () => {
    const channel = truth[6]!
    expect(channel).toMatchObject({ chatType: 'channel', counter: 1, comments: 2 })
    const threads = store.user(1).comments.get(channel.chatId as number)!
    expect([...threads.values()]).toEqual([2])
  })

  it('at 11 a colleague who just joined: a real one-to-one dialog flagged default_user_record, the last message theirs with code USER_JOIN, 2 unread, no mark (im module lib/integration/intranet/user.php, onInviteAccepted; lib/recent.php, formatRow)', () => {
    const joined = truth[11]!
    expect(joined).toMatchObject({
      type: 'user',
      joined: true,
      placeholder: false,
      counter: 2,
      unread: false,
    })
    expect(joined.lastAuthorId).toBe(joined.id)
    expect(item(joined.id).options).toEqual({ default_user_record: true })
    const history = store.histories.of(item(joined.id), 1)!
    expect(history.messages.at(-1)).toMatchObject({ authorId: joined.id, code: 'USER_JOIN' })
  })

  it('at 12 an open line (not queued) with the manual mark and nothing unread', () => {
    expect(truth[12]).toMatchObject({ chatType: 'lines', unread: true, counter: 0 })
    const queued = store.user(1).queued.map((line) => (line as Record<string, any> | null)?.id)
    expect(queued).not.toContain(truth[12]!.id)
  })

  it('at 13 a group chat with 4 unread messages and the manual mark', () => {
    expect(truth[13]).toMatchObject({ chatType: 'chat', counter: 4, unread: true })
    expect(truth[13]!.lastAuthorId).not.toBe(1)
  })

  it('at 14 a one-to-one dialog the user wrote last: nothing unread (NewMessageHandler::handle reads the chat for its author)', () => {
    expect(truth[14]).toMatchObject({ type: 'user', lastAuthorId: 1, counter: 0 })
  })

  it('at 15 a one-to-one dialog read to the end, the partner’s message last, with at least 5 messages', () => {
    const read = truth[15]!
    expect(read).toMatchObject({ type: 'user', counter: 0, unread: false, placeholder: false })
    expect(read.lastAuthorId).toBe(read.id)
    expect(store.histories.of(item(read.id), 1)!.messages.length).toBeGreaterThanOrEqual(5)
  })

  it('gives every user 3 unread notifications', () => {
    expect(store.user(1).notify).toBe(3)
  })

  it('holds unread messages with the mark and without it, and the mark without messages', () => {
    const counter = (d: (typeof truth)[number]) => d.counter as number
    expect(truth.some((d) => counter(d) > 0 && d.unread === true)).toBe(true)
    expect(truth.some((d) => counter(d) > 0 && d.unread === false)).toBe(true)
    expect(truth.some((d) => counter(d) === 0 && d.unread === true)).toBe(true)
  })
})

describe('joined colleagues further down a long list (data/generate.ts)', () => {
  it('beyond position 20 about 2 % of one-to-one rows, some with unread messages', () => {
    const truth = new PortalStore(3000).truth(1)
    const direct = truth.slice(21).filter((d) => d.type === 'user' && !d.placeholder)
    const joined = direct.filter((d) => d.joined)
    expect(joined.length / direct.length).toBeGreaterThan(0.01)
    expect(joined.length / direct.length).toBeLessThan(0.03)
    expect(joined.some((d) => (d.counter as number) > 0)).toBe(true)
    expect(
      truth
        .slice(0, 21)
        .filter((d) => d.joined)
        .map((d) => truth.indexOf(d)),
    ).toEqual([11])
  })
})
