import { describe, expect, it } from 'vitest'
import { dialogsChanged, type DialogState } from './control.ts'

const dialog = (id: string | number, unread: boolean, counter: number): DialogState => ({
  id,
  unread,
  counter,
})

describe('dialogs the portal holds changed', () => {
  const before = [
    dialog(1, true, 0), // marked unread
    dialog('chat2', false, 3), // unread messages
    dialog(3, true, 2), // both
    dialog('chat4', false, 0), // read already
  ]

  it('count each dialog whose mark or unread counter moved, once', () => {
    const after = [dialog(1, false, 0), dialog('chat2', false, 0), dialog(3, false, 0)]
    expect(dialogsChanged(before, [...after, dialog('chat4', false, 0)])).toBe(3)
  })

  it('count a dialog whose counter alone moved, or whose mark alone moved', () => {
    expect(dialogsChanged(before, [dialog('chat2', false, 1)])).toBe(1)
    expect(dialogsChanged(before, [dialog(3, false, 2)])).toBe(1)
  })

  it('count nothing when the portal holds every dialog as it was', () => {
    expect(
      dialogsChanged(
        before,
        before.map((item) => ({ ...item })),
      ),
    ).toBe(0)
  })

  it('match dialogs by id across readings, and skip one that was not there before', () => {
    expect(dialogsChanged([dialog(5, true, 0)], [dialog('5', false, 0)])).toBe(1)
    expect(dialogsChanged(before, [dialog('chat9', true, 4)])).toBe(0)
  })
})
