import { describe, expect, it } from 'vitest'
import { matchesFilter, matchesSearch } from './filters.ts'

describe('matchesSearch', () => {
  it('finds every word of the query in the title, ignoring case', () => {
    expect(matchesSearch({ title: 'Anna Petrova' }, 'petr ann', 'en')).toBe(true)
    expect(matchesSearch({ title: 'Anna Petrova' }, 'boris', 'en')).toBe(false)
    expect(matchesSearch({ title: 'Мария Иванова' }, 'МАРИЯ', 'ru')).toBe(true)
    expect(matchesSearch({ title: 'anything' }, '   ', 'en')).toBe(true)
  })
})

describe('matchesFilter', () => {
  // docs/bitrix24-facts.md, "The recent list": what the list filters really do.
  const person = { id: 3, type: 'user', counter: 2 }
  const copilot = { id: 'chat4', type: 'chat', chat: { type: 'copilot' } }
  const queuedLine = { id: 'chat5', type: 'chat', lines: { id: 1 }, counter: 0, unread: false }
  it('checks each item’s kind on top of the portal’s SKIP_* params', () => {
    expect(matchesFilter(person, 'direct')).toBe(true)
    expect(matchesFilter(copilot, 'direct')).toBe(false)
    expect(matchesFilter(copilot, 'chats')).toBe(true)
    expect(matchesFilter(queuedLine, 'chats')).toBe(false)
    expect(matchesFilter(queuedLine, 'openlines')).toBe(true)
  })
  it('keeps out of Unread what the server sent as read (queued open lines come regardless)', () => {
    expect(matchesFilter(person, 'unread')).toBe(true)
    expect(matchesFilter(queuedLine, 'unread')).toBe(false)
    expect(matchesFilter({ ...queuedLine, unread: true }, 'unread')).toBe(true)
  })
})
