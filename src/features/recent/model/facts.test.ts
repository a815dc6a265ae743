import { describe, expect, it } from 'vitest'
import { factOfChange, isUnreadFact, layUnder } from './facts.ts'

describe('layUnder: a page meets what was learnt of the server', () => {
  const page = { markedUnread: false, counter: 3 }

  it('lays a fact learnt after the page’s request left over it', () => {
    expect(layUnder(page, 1_000, factOfChange(true, 1_500))).toEqual({
      markedUnread: true,
      counter: 3,
    })
    expect(layUnder(page, 1_000, factOfChange(false, 1_500))).toEqual({
      markedUnread: false,
      counter: 0,
    })
    expect(layUnder(page, 1_000, { at: 1_000, markedUnread: false, counter: 5 })).toEqual({
      markedUnread: false,
      counter: 5,
    })
  })

  it('leaves a page asked for after the fact as the server sent it, and the same object when nothing changes', () => {
    expect(layUnder(page, 2_000, factOfChange(true, 1_500))).toBe(page)
    expect(layUnder(page, 1_000, undefined)).toBe(page)
    expect(layUnder(page, 1_000, { at: 1_500, markedUnread: false })).toBe(page)
  })

  it('tells unread by the mark or a count', () => {
    expect(isUnreadFact(factOfChange(true, 0))).toBe(true)
    expect(isUnreadFact(factOfChange(false, 0))).toBe(false)
    expect(isUnreadFact({ markedUnread: false, counter: 2 })).toBe(true)
  })
})
