import { describe, expect, it } from 'vitest'
import { isMutedBy, toDialog } from './dialog.ts'
import { unreadTotal } from './unread-total.ts'

const chat = (counter: number, markedUnread: boolean, muted = false, waiting = false) => ({
  counter,
  markedUnread,
  muted,
  waiting,
})

describe('unreadTotal (im module CounterService::getTotal)', () => {
  it('counts messages, 1 per marked chat without messages, nothing for muted chats', () => {
    expect(
      unreadTotal([
        chat(3, false),
        chat(0, true),
        chat(2, true), // the mark adds nothing to a chat that has unread messages
        chat(7, false, true),
        chat(0, true, true),
        chat(0, false),
      ]),
    ).toBe(6)
  })

  it('leaves out open-line sessions still waiting in a queue: the user is not in them yet', () => {
    expect(unreadTotal([chat(4, false, false, true), chat(1, false)])).toBe(1)
  })
})

describe('isMutedBy (chat.mute_list)', () => {
  it('reads the object form of the recorded answer and the list form', () => {
    expect(isMutedBy({ '503': true }, 503)).toBe(true)
    expect(isMutedBy({ '503': false }, 503)).toBe(false)
    expect(isMutedBy([1, '503'], 503)).toBe(true)
    expect(isMutedBy([], 503)).toBe(false)
    expect(isMutedBy({ '503': true }, 0)).toBe(false)
    expect(isMutedBy({ __proto__: { 503: true } }, 503)).toBe(false)
  })

  it('marks a recent item muted only for the user in its mute list', () => {
    const item = { id: 'chat9', title: 'Ops', chat: { mute_list: { '1': true } } }
    expect(toDialog(item, { userId: 1 })?.muted).toBe(true)
    expect(toDialog(item, { userId: 2 })?.muted).toBe(false)
  })
})
