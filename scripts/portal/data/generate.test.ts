import { describe, expect, it } from 'vitest'
import { PortalStore } from './store.ts'

// The demo list (`npm start`) holds each case the app must handle, at fixed places.
describe('demo data of user 1 (120 dialogs)', () => {
  const store = new PortalStore(120)
  const truth = store.truth(1)
  const item = (id: unknown) =>
    (store.user(1).items as Record<string, any>[]).find((candidate) => candidate.id === id)! // eslint-disable-line @typescript-eslint/no-explicit-any

  it('holds a copilot chat, a channel, an open channel and a collab (PROTOCOL.md §4 chat types)', () => {
    for (const type of ['copilot', 'channel', 'openChannel', 'collab']) {
      expect(
        truth.some((d) => d.chatType === type),
        type,
      ).toBe(true)
    }
  })

  it('holds placeholder colleagues (options.default_user_record, message.id 0, counter 0)', () => {
    const placeholders = truth.filter((d) => d.placeholder)
    expect(placeholders.length).toBe(3)
    for (const d of placeholders)
      expect(item(d.id)).toMatchObject({ type: 'user', counter: 0, message: { id: 0 } })
  })

  it('holds a queued open line beside the list', () => {
    const [line] = store.user(1).queued as Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(line).toMatchObject({ type: 'chat', chat: { type: 'lines' }, lines: { status: 0 } })
  })

  it('holds a muted chat (chat.mute_list holds the user)', () => {
    expect(truth.some((d) => d.type === 'chat' && item(d.id).chat.mute_list?.['1'] === true)).toBe(
      true,
    )
  })

  it('holds unread messages with the mark and without it, and the mark without messages', () => {
    const counter = (d: (typeof truth)[number]) => d.counter as number
    expect(truth.some((d) => counter(d) > 0 && d.unread === true)).toBe(true)
    expect(truth.some((d) => counter(d) > 0 && d.unread === false)).toBe(true)
    expect(truth.some((d) => counter(d) === 0 && d.unread === true)).toBe(true)
  })
})
