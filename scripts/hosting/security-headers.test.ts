import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServer } from './app-server.ts'
import {
  DEFAULT_PORTAL_ORIGINS,
  contentSecurityPolicy,
  cspOriginsFromEnv,
  parseOriginList,
} from './security-headers.ts'

/** `directive → sources` of a policy string. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('CSP origins from the environment', () => {
  it('defaults to the Bitrix24 cloud, one valid wildcard per zone', () => {
    const origins = cspOriginsFromEnv({})
    expect(origins.portalOrigins).toContain('https://*.bitrix24.com')
    expect(origins.portalOrigins).toContain('https://*.bitrix24.ru')
    expect(origins.portalOrigins).toContain('https://*.bitrix24.com.br')
    expect(origins.frameAncestors).toEqual(origins.portalOrigins)
    expect(origins.cdnOrigins).toEqual(['https://cdn.com.bitrix24.com'])
    for (const origin of DEFAULT_PORTAL_ORIGINS) expect(origin).toMatch(/^https:\/\/\*\.[^*]+$/)
  })

  it('takes lists separated by spaces or commas, without duplicates or trailing slashes', () => {
    const origins = cspOriginsFromEnv({
      PORTAL_ORIGINS:
        'https://acme.bitrix24.com, http://127.0.0.1:4612/  https://acme.bitrix24.com',
      CDN_ORIGINS: 'https://cdn.acme.test',
      FRAME_ANCESTORS: 'https://*.acme.test',
    })
    expect(origins).toEqual({
      portalOrigins: ['https://acme.bitrix24.com', 'http://127.0.0.1:4612'],
      cdnOrigins: ['https://cdn.acme.test'],
      frameAncestors: ['https://*.acme.test'],
    })
  })

  it.each([
    "'unsafe-inline'",
    '*',
    'https://*.bitrix24.*',
    'https://acme.test; script-src *',
    'javascript:alert(1)',
    'https://acme.test/path',
    'acme.test',
    'data:',
  ])('refuses %s', (source) => {
    expect(() => parseOriginList('PORTAL_ORIGINS', source)).toThrow(/PORTAL_ORIGINS/)
  })
})

describe('the Content-Security-Policy', () => {
  const policy = directives(
    contentSecurityPolicy({
      portalOrigins: ['https://acme.bitrix24.com'],
      cdnOrigins: ['https://cdn.com.bitrix24.com'],
      frameAncestors: ['https://acme.bitrix24.com', 'https://*.bitrix24.de'],
    }),
  )

  it('allows scripts only from the app itself: no inline script, no eval', () => {
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('style-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('require-trusted-types-for')).toEqual(["'script'"])
  })

  it('limits REST, images and embedding to the configured portals and CDN', () => {
    expect(policy.get('connect-src')).toEqual(['https://acme.bitrix24.com'])
    expect(policy.get('img-src')).toEqual([
      "'self'",
      'https://acme.bitrix24.com',
      'https://cdn.com.bitrix24.com',
    ])
    expect(policy.get('frame-ancestors')).toEqual([
      'https://acme.bitrix24.com',
      'https://*.bitrix24.de',
    ])
  })
})

describe('npm run serve', () => {
  let root: string
  let base: string
  let close: () => void

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'unread-dist-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>')
    const server = createAppServer({
      root,
      origins: cspOriginsFromEnv({ PORTAL_ORIGINS: 'https://acme.bitrix24.com' }),
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(() => {
    close()
    rmSync(root, { recursive: true, force: true })
  })

  it.each(['GET', 'POST'])(
    'sends the security headers with the page (%s launch)',
    async (method) => {
      const response = await fetch(`${base}/`, {
        method,
        ...(method === 'POST'
          ? {
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              body: 'AUTH_ID=secret',
            }
          : {}),
      })
      expect(response.status).toBe(200)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain('frame-ancestors https://acme.bitrix24.com')
      expect(csp).toContain('connect-src https://acme.bitrix24.com')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    },
  )

  it('sends them with a 404 too', async () => {
    const response = await fetch(`${base}/assets/missing.js`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
  })
})
