import { describe, expect, it } from 'vitest'
import { safeImageUrl } from './safe-url.ts'

describe('safeImageUrl', () => {
  it('accepts http and https', () => {
    expect(safeImageUrl('https://cdn.bitrix24.com/a.png')).toBe('https://cdn.bitrix24.com/a.png')
    expect(safeImageUrl('http://portal.test/a.png')).toBe('http://portal.test/a.png')
  })
  it.each([
    'javascript:alert(1)',
    'data:image/svg+xml,<svg/>',
    '/bitrix/js/im/blank.gif',
    '',
    42,
    null,
  ])('refuses %s', (value) => {
    expect(safeImageUrl(value)).toBeNull()
  })
})
