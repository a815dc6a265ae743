import { describe, expect, it } from 'vitest'
import { isRestored, restoreCommands, toDialogState, type DialogState } from './dialog-state.ts'

const read: DialogState = {
  dialogId: 'chat1017',
  title: 'Marketing team',
  counter: 0,
  lastReadId: 500,
  markedUnread: false,
}

describe('toDialogState', () => {
  it('keeps the last read message id of a recent item (last_id)', () => {
    expect(
      toDialogState({ id: 'chat1017', title: 'Marketing team', counter: 2, last_id: 498 }),
    ).toEqual({ ...read, counter: 2, lastReadId: 498 })
  })

  it('treats a missing or broken last_id as unknown (0), and a broken item as nothing', () => {
    expect(toDialogState({ id: 5, title: 'Ann', last_id: '12' })?.lastReadId).toBe(0)
    expect(toDialogState({ id: '<b>', title: 'x' })).toBeNull()
  })
})

describe('restoreCommands (undo of "Mark unread from here")', () => {
  it('reads up to the last message read before, then sets the mark back (PROTOCOL.md §4)', () => {
    expect(restoreCommands(read, 'messages', 480)).toEqual([
      { method: 'im.dialog.read', params: { DIALOG_ID: 'chat1017', MESSAGE_ID: 500 } },
      { method: 'im.recent.unread', params: { DIALOG_ID: 'chat1017', ACTION: 'N' } },
    ])
    expect(restoreCommands({ ...read, markedUnread: true }, 'messages', 500)[1]).toEqual({
      method: 'im.recent.unread',
      params: { DIALOG_ID: 'chat1017', ACTION: 'Y' },
    })
  })

  it('makes the earlier unread messages unread again when the chosen one was still unread', () => {
    expect(restoreCommands({ ...read, lastReadId: 470, counter: 30 }, 'messages', 480)).toEqual([
      { method: 'im.dialog.unread', params: { DIALOG_ID: 'chat1017', MESSAGE_ID: 471 } },
      { method: 'im.recent.unread', params: { DIALOG_ID: 'chat1017', ACTION: 'N' } },
    ])
  })

  it('only takes the manual mark back when that was all that could be done', () => {
    expect(restoreCommands(read, 'manual', 480)).toEqual([
      { method: 'im.recent.unread', params: { DIALOG_ID: 'chat1017', ACTION: 'N' } },
    ])
  })
})

describe('isRestored', () => {
  it('wants the same unread messages and the same mark as before', () => {
    expect(isRestored(read, { ...read })).toBe(true)
    expect(isRestored(read, { ...read, counter: 4 })).toBe(false)
    expect(isRestored(read, { ...read, markedUnread: true })).toBe(false)
  })
})
