import { describe, expect, it } from 'vitest'
import { formatRelativeTime } from './relative-time.ts'

const now = Date.parse('2026-11-25T12:00:00Z')
const ago = (seconds: number) => now - seconds * 1000

describe('formatRelativeTime', () => {
  it('says now for the last moments and for clock skew', () => {
    expect(formatRelativeTime(ago(10), now, 'en')).toBe('now')
    expect(formatRelativeTime(now + 60_000, now, 'en')).toBe('now')
  })
  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(ago(5 * 60), now, 'en')).toBe('5 min. ago')
    expect(formatRelativeTime(ago(3 * 3600), now, 'en')).toBe('3 hr. ago')
    expect(formatRelativeTime(ago(24 * 3600), now, 'en')).toBe('yesterday')
  })
  it('shows a date for older messages, with the year only when it differs', () => {
    expect(formatRelativeTime(Date.parse('2026-02-25T12:07:10+01:00'), now, 'en')).toBe('Feb 25')
    expect(formatRelativeTime(Date.parse('2025-08-12T16:14:00+01:00'), now, 'en')).toBe(
      'Aug 12, 2025',
    )
  })
  it('speaks the given language', () => {
    expect(formatRelativeTime(ago(24 * 3600), now, 'ru')).toBe('вчера')
  })
})
