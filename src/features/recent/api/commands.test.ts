import { describe, expect, it } from 'vitest'
import { packPlans, planChange, statesOf, type KnownState } from './commands.ts'

const state = (markedUnread: boolean, counter: number) =>
  ({ markedUnread, counter }) satisfies KnownState
const methods = (dialogId: string, unread: boolean, known?: KnownState) =>
  planChange({ dialogId, unread }, known).commands.map(
    (c) => `${c.method}${c.params.ACTION ? `:${String(c.params.ACTION)}` : ''}`,
  )

// docs/bitrix24-facts.md, "Reading a dialog": im.recent.unread N removes the mark only; messages
// are read by im.dialog.read.
describe('planChange', () => {
  it('reads messages where the counter is above 0 and removes the mark where it is set', () => {
    expect(methods('chat1', false, state(true, 3))).toEqual([
      'im.dialog.read',
      'im.recent.unread:N',
    ])
    expect(methods('chat1', false, state(false, 3))).toEqual(['im.dialog.read'])
    expect(methods('chat1', false, state(true, 0))).toEqual(['im.recent.unread:N'])
  })
  it('sends both for a dialog it knows nothing about, and N for one already read', () => {
    expect(methods('chat1', false)).toEqual(['im.dialog.read', 'im.recent.unread:N'])
    expect(methods('chat1', false, state(false, 0))).toEqual(['im.recent.unread:N'])
  })
  it('marks unread with the manual mark only', () => {
    expect(methods('chat1', true, state(false, 3))).toEqual(['im.recent.unread:Y'])
  })
  it('reads every message, not up to one: those that came after the list loaded too', () => {
    const [read] = planChange({ dialogId: 7, unread: false }, state(false, 2)).commands
    expect(read?.params).toEqual({ DIALOG_ID: 7 })
  })
})

describe('packPlans', () => {
  const plans = (pairs: number, singles: number) => [
    ...Array.from({ length: singles }, (_, i) =>
      planChange({ dialogId: `s${i}`, unread: true }, undefined),
    ),
    ...Array.from({ length: pairs }, (_, i) =>
      planChange({ dialogId: `p${i}`, unread: false }, undefined),
    ),
  ]
  it.each([
    [30, 1],
    [25, 0],
    [24, 3],
    [1000, 999],
  ])('%i two-command and %i one-command plans fill ⌈commands/50⌉ requests', (pairs, singles) => {
    const packs = packPlans(plans(pairs, singles))
    expect(packs).toHaveLength(Math.ceil((2 * pairs + singles) / 50))
    for (const pack of packs)
      expect(pack.flatMap((plan) => plan.commands).length).toBeLessThanOrEqual(50)
    expect(packs.flat()).toHaveLength(pairs + singles)
  })
})

describe('statesOf', () => {
  it('reads the unread rule’s halves from raw items', () => {
    expect(
      statesOf([{ id: 'chat1', counter: '2', unread: true, message: { id: 5 } }, 'junk']),
    ).toEqual(new Map([['chat1', { markedUnread: true, counter: 2 }]]))
  })
})
