import { describe, expect, it } from 'vitest'
import { isRestored, readCursor, restoreCommands, type DialogState } from './dialog-state.ts'

// Message ids are global across the portal: a dialog's ids have gaps (docs/bitrix24-facts.md).
const read: DialogState = {
  dialogId: 'chat1017',
  title: 'Marketing team',
  counter: 0,
  markedUnread: false,
  lastReadId: 500,
  firstUnreadId: null,
}

describe('readCursor (im.dialog.messages.get: `unread` is past the read cursor)', () => {
  it('finds the newest message read and the first unread one after it', () => {
    expect(
      readCursor([
        { id: 530, unread: true },
        { id: 517, unread: true },
        { id: 500, unread: false },
        { id: 488, unread: false },
      ]),
    ).toEqual({ lastReadId: 500, firstUnreadId: 517 })
  })

  it('has no unread message when everything is read, and no read one when nothing is', () => {
    expect(readCursor([{ id: 500, unread: false }])).toEqual({
      lastReadId: 500,
      firstUnreadId: null,
    })
    expect(
      readCursor([
        { id: 9, unread: true },
        { id: 4, unread: true },
      ]),
    ).toEqual({
      lastReadId: 0,
      firstUnreadId: 4,
    })
  })
})

describe('restoreCommands (undo of "Mark unread from here")', () => {
  it('reads up to the last message read before when the chosen one had been read', () => {
    expect(restoreCommands(read, 'messages', 480)).toEqual([
      { method: 'im.dialog.read', params: { DIALOG_ID: 'chat1017', MESSAGE_ID: 500 } },
    ])
  })

  it('moves the cursor back to the first unread message when the chosen one was still unread', () => {
    const unread = { ...read, counter: 3, lastReadId: 470, firstUnreadId: 478 }
    expect(restoreCommands(unread, 'messages', 490)).toEqual([
      { method: 'im.dialog.unread', params: { DIALOG_ID: 'chat1017', MESSAGE_ID: 478 } },
    ])
    // Marked from before the first unread one: read again up to where the cursor was.
    expect(restoreCommands(unread, 'messages', 460)).toEqual([
      { method: 'im.dialog.read', params: { DIALOG_ID: 'chat1017', MESSAGE_ID: 470 } },
    ])
  })

  it('sets the manual mark back to what it was when that was what changed', () => {
    expect(restoreCommands(read, 'manual', 480)).toEqual([
      { method: 'im.recent.unread', params: { DIALOG_ID: 'chat1017', ACTION: 'N' } },
    ])
    expect(restoreCommands({ ...read, markedUnread: true }, 'manual', 480)).toEqual([
      { method: 'im.recent.unread', params: { DIALOG_ID: 'chat1017', ACTION: 'Y' } },
    ])
  })
})

describe('isRestored', () => {
  const count = { counter: 0, marked: false, muted: false, line: false, comments: 0 }
  it('wants the same unread messages and the same mark as before', () => {
    expect(isRestored(read, count)).toBe(true)
    expect(isRestored(read, { ...count, counter: 4 })).toBe(false)
    expect(isRestored(read, { ...count, marked: true })).toBe(false)
  })
})
