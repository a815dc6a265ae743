import { afterEach, describe, expect, it } from 'vitest'
import { TokenStore } from './auth.ts'
import { manualClock } from './clock.ts'
import { sdkClient, startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'

describe('TokenStore', () => {
  it('verifies, expires after the TTL, and refreshes once per refresh token', () => {
    const clock = manualClock()
    const tokens = new TokenStore(clock, 60)
    const pair = tokens.issue(2)
    expect(pair.expiresIn).toBe(60)
    expect(tokens.verify(pair.accessToken)).toEqual({ ok: true, userId: 2 })
    expect(tokens.verify(undefined)).toEqual({ ok: false, code: 'NO_AUTH_FOUND' })
    expect(tokens.verify('')).toEqual({ ok: false, code: 'NO_AUTH_FOUND' })
    expect(tokens.verify('nope')).toEqual({ ok: false, code: 'invalid_token' })
    expect(tokens.verify(42)).toEqual({ ok: false, code: 'invalid_token' })
    clock.advance(59_999)
    expect(tokens.verify(pair.accessToken).ok).toBe(true)
    clock.advance(1)
    expect(tokens.verify(pair.accessToken)).toEqual({ ok: false, code: 'expired_token' })

    const next = tokens.refresh(pair.refreshToken)!
    expect(next.userId).toBe(2)
    expect(tokens.verify(next.accessToken)).toEqual({ ok: true, userId: 2 })
    expect(tokens.refresh(pair.refreshToken)).toBeNull() // the old refresh id is spent
    expect(tokens.refresh('made-up')).toBeNull()
  })

  it('expireAll expires every current access token but keeps refresh tokens usable', () => {
    const clock = manualClock()
    const tokens = new TokenStore(clock)
    const a = tokens.issue(1)
    tokens.expireAll()
    expect(tokens.verify(a.accessToken)).toEqual({ ok: false, code: 'expired_token' })
    expect(tokens.refresh(a.refreshToken)).not.toBeNull()
  })
})

describe('auth over HTTP', () => {
  let running: Running
  afterEach(() => running.close())

  it('401 NO_AUTH_FOUND / invalid_token / expired_token in the documented shape', async () => {
    const clock = manualClock()
    running = await startPortal({ clock, tokenTtlSeconds: 10 })
    const { accessToken } = running.login()
    const missing = await running.rest('im.recent.list', {})
    expect([missing.status, missing.body]).toEqual([
      401,
      { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' },
    ])
    const invalid = await running.rest('im.recent.list', { auth: 'bogus' })
    expect([invalid.status, invalid.body.error]).toEqual([401, 'invalid_token'])
    clock.advance(10_000)
    const expired = await running.rest('im.recent.list', { auth: accessToken })
    expect([expired.status, expired.body]).toEqual([
      401,
      { error: 'expired_token', error_description: 'The access token provided has expired.' },
    ])
  })

  it('the SDK refreshes after 401 expired_token and repeats the call', async () => {
    running = await startPortal()
    const client = sdkClient(running)
    running.portal.tokens.expireAll()
    const result = await client.http.call('im.recent.unread', { DIALOG_ID: 'chat999999' })
    expect(result.getData()!.result).toBe(false)
    expect(client.refreshes()).toBe(1)
  })
})
