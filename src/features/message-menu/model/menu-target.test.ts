import { describe, expect, it } from 'vitest'
import { readMenuTarget } from './menu-target.ts'

describe('readMenuTarget (PLACEMENT_OPTIONS of IM_CONTEXT_MENU: {dialogId, messageId})', () => {
  it('takes a chat or a person, with the message id as a number or a numeric string', () => {
    expect(readMenuTarget({ dialogId: 'chat1017', messageId: 91234 })).toEqual({
      dialogId: 'chat1017',
      messageId: 91234,
    })
    expect(readMenuTarget({ dialogId: '503', messageId: '77' })).toEqual({
      dialogId: 503,
      messageId: 77,
    })
  })

  it('refuses options that cannot name a message', () => {
    for (const options of [
      null,
      {},
      { dialogId: 'chat1' },
      { messageId: 5 },
      { dialogId: 'chat1', messageId: 0 },
      { dialogId: 'chat1', messageId: -3 },
      { dialogId: 'chat1', messageId: '5; DROP' },
      { dialogId: '<script>', messageId: 5 },
      { dialogId: 'chat007', messageId: 5 },
    ]) {
      expect(readMenuTarget(options)).toBeNull()
    }
  })
})
