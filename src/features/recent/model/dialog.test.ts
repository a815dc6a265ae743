import { describe, expect, it } from 'vitest'
import sample from '../../../../scripts/portal/data/samples/im.recent.list.response.json'
import { applyMark, isPlaceholder, isUnread, kindOf, toDialog } from './dialog.ts'

describe('toDialog', () => {
  it('reads the portal’s real answer', () => {
    const [person, chat] = sample.result.items.map((item) => toDialog(item))
    expect(person).toMatchObject({
      key: '547',
      dialogId: 547,
      kind: 'user',
      title: 'John Doe',
      avatarUrl: null,
      color: '#1eb4aa',
      counter: 1,
      markedUnread: false,
    })
    expect(chat).toMatchObject({ key: 'chat1317', dialogId: 'chat1317', kind: 'chat' })
    expect(chat?.avatarUrl).toMatch(/^https:\/\/cdn\.com\.bitrix24\.com\//)
  })

  it.each([
    [547, 547],
    ['chat1317', 'chat1317'],
    ['sg12', 'sg12'],
    ['42', '42'],
  ])('keeps DIALOG_ID %j as the portal gave it', (id, expected) => {
    expect(toDialog({ id })?.dialogId).toBe(expected)
  })

  it.each([undefined, null, '', 'chat', 'chat12x', '<b>', -3, 1.5, {}])('rejects id %j', (id) => {
    expect(toDialog({ id, title: 'x' })).toBeNull()
  })

  it('recognises open lines', () => {
    expect(toDialog({ id: 'chat9', type: 'chat', lines: { id: 3 } })?.kind).toBe('openline')
  })

  // docs/bitrix24-facts.md, "The recent list": chat.type grows with each release; an unknown one is a plain chat.
  it.each([
    [{ id: 5, type: 'user' }, 'user'],
    [{ id: 'chat2', type: 'chat', chat: { type: 'copilot' } }, 'chat'],
    [{ id: 'chat3', type: 'chat', chat: { type: 'channel' } }, 'chat'],
    [{ id: 'chat4', type: 'chat', chat: { type: 'collab' } }, 'chat'],
    [{ id: 'chat5', type: 'chat', chat: { type: 'something-new' } }, 'chat'],
    [{ id: 'chat6', type: 'chat', chat: { type: 'lines' } }, 'openline'],
    [{ id: 'chat7', type: 'user' }, 'chat'],
  ])('sorts %j as %s', (item, kind) => {
    expect(kindOf(item)).toBe(kind)
  })

  // docs/bitrix24-facts.md, "Placeholder and joined rows".
  it('knows a colleague placeholder: flagged default_user_record and without a message', () => {
    expect(
      isPlaceholder({ id: 7, message: { id: 0 }, options: { default_user_record: true } }),
    ).toBe(true)
    expect(isPlaceholder({ id: 7, options: { default_user_record: true } })).toBe(true)
    expect(isPlaceholder({ id: 7, options: [] })).toBe(false)
  })

  it('keeps a joined colleague’s dialog: the same flag, but a message, unread ones and a mark', () => {
    const joined = {
      id: 7,
      type: 'user',
      message: { id: 4_200_315, text: 'joined the company', author_id: 7 },
      counter: 2,
      unread: true,
      options: { default_user_record: true },
    }
    expect(isPlaceholder(joined)).toBe(false)
    expect(toDialog(joined)).toMatchObject({
      key: '7',
      kind: 'user',
      counter: 2,
      markedUnread: true,
    })
  })

  it('survives missing and wrongly typed fields', () => {
    expect(
      toDialog({
        id: 'chat1',
        title: null,
        counter: '3',
        avatar: { url: 'javascript:x', color: 'red;' },
      }),
    ).toMatchObject({ title: '', counter: 3, avatarUrl: null, color: '#a8adb4', preview: '' })
  })
})

describe('the unread rule', () => {
  it('is unread with the manual mark or a counter above zero', () => {
    expect(isUnread({ markedUnread: true, counter: 0 })).toBe(true)
    expect(isUnread({ markedUnread: false, counter: 2 })).toBe(true)
    expect(isUnread({ markedUnread: false, counter: 0 })).toBe(false)
  })
  // docs/bitrix24-facts.md, "Reading a dialog": read is im.dialog.read + im.recent.unread N; unread is im.recent.unread Y.
  it('mark read clears the mark and the counter; mark unread keeps the counter', () => {
    expect(applyMark({ markedUnread: true, counter: 4 }, false)).toEqual({
      markedUnread: false,
      counter: 0,
    })
    expect(applyMark({ markedUnread: false, counter: 4 }, true)).toEqual({
      markedUnread: true,
      counter: 4,
    })
  })
})
