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
  const person = { kind: 'user' as const, markedUnread: false, counter: 2 }
  it('sorts dialogs by kind and by the unread rule', () => {
    expect(matchesFilter(person, 'direct')).toBe(true)
    expect(matchesFilter(person, 'chats')).toBe(false)
    expect(matchesFilter(person, 'unread')).toBe(true)
    expect(matchesFilter({ ...person, counter: 0 }, 'unread')).toBe(false)
    expect(matchesFilter({ kind: 'openline', markedUnread: false, counter: 0 }, 'openlines')).toBe(
      true,
    )
  })
})
