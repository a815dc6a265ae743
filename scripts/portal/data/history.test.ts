/* eslint-disable @typescript-eslint/no-explicit-any -- items are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { Histories } from './history.ts'
import { idsDownFrom, lastReadId, readCount, reservedWidth } from './message-ids.ts'
import { PortalStore } from './store.ts'

type Item = Record<string, any>

const items = (store: PortalStore, user = 1) => store.user(user).items as Item[]
const withMessages = (store: PortalStore, user = 1) =>
  items(store, user).filter((item) => item.message.id > 0)

describe('message ids (data/message-ids.ts: ids are one sequence for every chat of the portal)', () => {
  it('steps 2…4 between messages of a dialog, so last_id + 1 is never its next message', () => {
    for (const lastId of [1_000_000, 1_234_567, 2_000_001]) {
      const ids = idsDownFrom(lastId, 40)
      const steps = ids.slice(1).map((id, index) => (ids[index] as number) - id)
      expect(Math.min(...steps)).toBeGreaterThanOrEqual(2)
      expect(Math.max(...steps)).toBeLessThanOrEqual(4)
    }
  })

  it('finds the last read message the way the history lists it, and reserves enough room', () => {
    const lastId = 1_500_000
    const ids = idsDownFrom(lastId, 7 + readCount(lastId))
    expect(lastReadId(lastId, 7)).toBe(ids[7])
    expect(lastId - (ids.at(-1) as number)).toBeLessThanOrEqual(reservedWidth(7))
  })

  it('never goes below id 1: a small id gives a short history', () => {
    expect(idsDownFrom(5, 20).every((id) => id >= 1)).toBe(true)
    expect(lastReadId(5, 20)).toBe(0)
  })
})

describe('generated dialogs and their histories (data/history.ts, data/generate.ts)', () => {
  it('every generated dialog: last_id is the newest message that is not among the counter unread ones', () => {
    const store = new PortalStore(300)
    for (const item of withMessages(store)) {
      const history = store.histories.of(item, 1)!
      const unread = [...history.unread].sort((a, b) => a - b)
      expect(unread, String(item.id)).toHaveLength(item.counter)
      expect(history.messages.at(-1)!.id).toBe(item.message.id)
      const read = history.messages.filter((m) => !history.unread.has(m.id))
      expect(read.at(-1)!.id).toBe(item.last_id)
      expect(unread.every((id) => id > item.last_id)).toBe(true)
      expect(read.length).toBeGreaterThanOrEqual(10)
    }
  })

  it('message ids are one sequence: no two dialogs share an id, the newer dialog holds the higher ones', () => {
    const store = new PortalStore(300)
    const seen = new Set<number>()
    for (const item of withMessages(store)) {
      for (const { id } of store.histories.of(item, 1)!.messages) {
        expect(seen.has(id)).toBe(false)
        seen.add(id)
      }
    }
    const unpinned = withMessages(store).filter((item) => !item.pinned)
    const newest = unpinned.map((item) => item.message.id)
    expect(newest).toEqual([...newest].sort((a, b) => b - a))
  })

  it('no unread message is the user’s own, and a dialog whose last message is the user’s own has counter 0 (im module lib/V2/Reading/Counter/CountersUpdater.php, addForUsers; lib/V2/Reading/Infrastructure/NewMessageHandler.php, handle)', () => {
    const store = new PortalStore(1000)
    const own = withMessages(store).filter((item) => item.message.author_id === 1)
    expect(own.some((item) => item.type === 'user')).toBe(true)
    expect(own.some((item) => item.type === 'chat')).toBe(true)
    expect(own.every((item) => item.counter === 0)).toBe(true)
    for (const item of withMessages(store).slice(0, 200)) {
      const history = store.histories.of(item, 1)!
      for (const message of history.messages) {
        if (history.unread.has(message.id)) expect(message.authorId).not.toBe(1)
      }
    }
  })

  it('writes one-to-one histories between the partner and the user, with real dates, newest last', () => {
    const store = new PortalStore(40)
    const dialog = items(store).find((item) => item.type === 'user' && item.message.id > 0)!
    const { messages } = store.histories.of(dialog, 1)!
    expect(new Set(messages.map((m) => m.authorId))).toEqual(new Set([dialog.id, 1]))
    expect(messages.at(-1)).toMatchObject({ text: dialog.message.text, date: dialog.message.date })
    const dates = messages.map((m) => Date.parse(m.date))
    expect(dates).toEqual([...dates].sort((a, b) => a - b))
    expect(new Set(dates).size).toBe(dates.length)
  })

  it('derives a history once and only for a row whose message.id is a positive integer; hostile rows never throw', () => {
    const histories = new Histories()
    const good: Item = { id: 5, type: 'user', message: { id: 500, author_id: 5 }, counter: 2 }
    expect(histories.peek(good)).toBeUndefined()
    const first = histories.of(good, 1)
    expect(histories.of(good, 1)).toBe(first)
    expect(histories.peek(good)).toBe(first)
    for (const row of [
      {},
      { message: null },
      { message: { id: 0 } },
      { message: { id: -4 } },
      { message: { id: 1.5 } },
      { message: { id: '500' } },
      { message: { id: Number.MAX_VALUE } },
    ]) {
      expect(histories.of(row, 1), JSON.stringify(row)).toBeUndefined()
    }
    const huge = histories.of({ message: { id: 10_000_000 }, counter: 1e12, chat: 'x' }, 1)!
    expect(huge.unread.size).toBe(5000)
    const tiny = histories.of({ message: { id: 3 }, counter: 99 }, 1)!
    const tinyIds = tiny.messages.map((m) => m.id)
    expect(tinyIds.at(-1)).toBe(3)
    expect(tinyIds.every((id) => id >= 1)).toBe(true)
    expect(tiny.unread.size).toBe(tinyIds.length)
  })
})
