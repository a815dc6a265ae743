import { describe, expect, it } from 'vitest'
import { isHtmlRoute } from './post-launch.ts'

describe('isHtmlRoute', () => {
  it.each(['/', '/index.html', '/app/', '/install', '/nested/page.html'])('%s is a page', (p) => {
    expect(isHtmlRoute(p)).toBe(true)
  })
  it.each(['/assets/index-abc123.js', '/favicon.svg', '/assets/style.css'])(
    '%s is an asset',
    (p) => {
      expect(isHtmlRoute(p)).toBe(false)
    },
  )
})
