import { describe, expect, it } from 'vitest'
import { stripBbCode } from './bbcode.ts'

describe('stripBbCode', () => {
  it('keeps the readable text of mentions and links', () => {
    expect(
      stripBbCode('[USER=1]Anna Petrova[/USER], see [URL=https://x.test/a]the plan[/URL]'),
    ).toBe('Anna Petrova, see the plan')
  })
  it('drops formatting tags', () => {
    expect(stripBbCode('[b]Bold[/b] and [i]italic[/i] [color=#ff0000]red[/color]')).toBe(
      'Bold and italic red',
    )
  })
  it('keeps attachment markers and collapses line breaks', () => {
    expect(stripBbCode('John created a task\n[Attachment]')).toBe(
      'John created a task [Attachment]',
    )
  })
  it('leaves HTML as literal text', () => {
    expect(stripBbCode('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>')
  })
  it('separates words at block tags', () => {
    expect(stripBbCode('first[br]second')).toBe('first second')
  })
  it('handles nested quotes', () => {
    expect(stripBbCode('[QUOTE][b]Hi[/b][/QUOTE] ok')).toBe('Hi ok')
  })
  it('turns separator lines into a space, and leaves plain text as it is but for spaces', () => {
    expect(stripBbCode('before\n------\nafter')).toBe('before after')
    expect(stripBbCode('before\n=====\nafter')).toBe('before after')
    expect(stripBbCode('a-b == c')).toBe('a-b == c')
    expect(stripBbCode('  plain\n\ttext  ')).toBe('plain text')
  })
})
