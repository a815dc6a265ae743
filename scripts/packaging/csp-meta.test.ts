import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../hosting/security-headers.ts'
import { metaContentSecurityPolicy } from './csp-meta.ts'

const origins = {
  portalOrigins: ['https://acme.bitrix24.com'],
  cdnOrigins: ['https://cdn.com.bitrix24.com'],
  frameAncestors: ['https://acme.bitrix24.com'],
}

describe('the CSP of the static app (a meta tag)', () => {
  const header = contentSecurityPolicy(origins).split('; ')
  const meta = metaContentSecurityPolicy(origins).split('; ')

  // CSP3 "Delivery via meta": frame-ancestors, report-uri and sandbox are not supported there.
  it('leaves out what a meta tag cannot carry', () => {
    expect(meta.some((directive) => directive.startsWith('frame-ancestors'))).toBe(false)
    expect(meta.some((directive) => /^(report-uri|report-to|sandbox)\b/.test(directive))).toBe(
      false,
    )
  })

  it('is otherwise the policy npm run serve sends, directive for directive', () => {
    expect(meta).toEqual(header.filter((directive) => !directive.startsWith('frame-ancestors')))
  })
})
