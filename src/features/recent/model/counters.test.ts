import { describe, expect, it } from 'vitest'
import { badgeShare, readCounters, totalWith, type DialogCount } from './counters.ts'
import { factOfChange } from './facts.ts'

// The shapes of im.counters.get (docs/bitrix24-facts.md, "The messenger's own counters").
const current = {
  TYPE: {
    ALL: 17,
    NOTIFY: 3,
    CHAT: 5,
    LINES: 1,
    DIALOG: 3,
    COPILOT: 0,
    COLLAB: 0,
    MESSENGER: 14,
    TASKS_TASK: 0,
  },
  DIALOG: { '12': 2 },
  CHAT: { '34': 4 },
  LINES: { '900010': 1 },
  COPILOT: [],
  COLLAB: [],
  TASKS_TASK: [],
  CHAT_MUTED: { '56': 3 },
  CHANNEL_COMMENT: { '78': { '79': 2 } },
  DIALOG_UNREAD: [15],
  CHAT_UNREAD: [34, 56],
  COPILOT_UNREAD: [],
  COLLAB_UNREAD: [],
  TASKS_TASK_UNREAD: [],
}

describe('readCounters', () => {
  it('takes the messenger’s badge, each dialog’s count and mark, mutes, lines and comments', () => {
    const counters = readCounters(current)!
    expect(counters.total).toBe(14)
    expect(Object.fromEntries(counters.dialogs)).toEqual({
      '12': { counter: 2, marked: false, muted: false, line: false, comments: 0 },
      '15': { counter: 0, marked: true, muted: false, line: false, comments: 0 },
      chat34: { counter: 4, marked: true, muted: false, line: false, comments: 0 },
      chat56: { counter: 3, marked: true, muted: true, line: false, comments: 0 },
      chat78: { counter: 0, marked: false, muted: false, line: false, comments: 2 },
      chat900010: { counter: 1, marked: false, muted: false, line: true, comments: 0 },
    })
  })

  it('counts ALL − NOTIFY on portals older than MESSENGER', () => {
    const older = { TYPE: { ALL: 9, NOTIFY: 4, DIALOG: 5, CHAT: 0, LINES: 0 }, DIALOG: { '3': 5 } }
    expect(readCounters(older)?.total).toBe(5)
  })

  it('reads nothing from an answer without totals, and skips ids and counts that are not numbers', () => {
    expect(readCounters(null)).toBeNull()
    expect(readCounters({ DIALOG: { '1': 2 } })).toBeNull()
    const odd = readCounters({
      TYPE: { MESSENGER: '7' },
      DIALOG: { x: 2, '5': 'lots', '6': '3' },
      CHAT_UNREAD: ['<b>', -1, 8],
    })!
    expect(odd.total).toBe(7)
    expect([...odd.dialogs.keys()]).toEqual(['5', '6', 'chat8'])
    expect(odd.dialogs.get('5')?.counter).toBe(0)
    expect(odd.dialogs.get('6')?.counter).toBe(3)
  })
})

describe('badgeShare and totalWith', () => {
  const none: DialogCount = { counter: 0, marked: false, muted: false, line: false, comments: 0 }

  it('counts messages, or 1 for a mark alone; nothing for a muted chat or a marked open line', () => {
    expect(badgeShare({ ...none, counter: 4, marked: true })).toBe(4)
    expect(badgeShare({ ...none, marked: true })).toBe(1)
    expect(badgeShare({ ...none, counter: 3, muted: true })).toBe(0)
    expect(badgeShare({ ...none, marked: true, line: true })).toBe(0)
    expect(badgeShare({ ...none, comments: 2 })).toBe(2)
  })

  it('swaps each changed dialog’s share for its share after the change', () => {
    const counters = readCounters(current)!
    const traits = (key: string) => (key === 'chat99' ? { muted: true, line: false } : undefined)
    const changes = new Map(
      (
        [
          ['chat34', false], // read: −4
          ['12', true], // mark on a dialog with messages: ±0
          ['20', true], // a read dialog the counters do not list: +1
          ['chat99', true], // a muted chat: ±0
          ['chat78', false], // reading a channel reads its comments: −2
        ] as const
      ).map(([key, unread]) => [key, factOfChange(unread, 0)]),
    )
    expect(totalWith(counters, changes, traits)).toBe(14 - 4 + 1 - 2)
    // A read-back: three messages came meanwhile, no mark.
    const readBack = new Map([['chat34', { markedUnread: false, counter: 7 }]])
    expect(totalWith(counters, readBack, traits)).toBe(14 + 3)
  })
})
