import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from './clock.ts'
import { LeakyBucket, RateLimiter, parseRateLimit } from './rate-limit.ts'
import { startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'

describe('LeakyBucket', () => {
  it('lets a burst through, refuses past it, and drains over time', () => {
    const clock = manualClock()
    const bucket = new LeakyBucket({ burst: 50, drainPerSecond: 2 }, clock)
    for (let i = 0; i < 50; i++) expect(bucket.tryTake()).toBe(true)
    expect(bucket.tryTake()).toBe(false)
    expect(bucket.level).toBe(50) // a refused request does not deepen the hole
    clock.advance(499)
    expect(bucket.tryTake()).toBe(false) // 0.998 drained: still no room for a whole request
    clock.advance(1)
    expect(bucket.tryTake()).toBe(true)
    expect(bucket.tryTake()).toBe(false)
    clock.advance(25_000)
    expect(bucket.level).toBe(0)
  })

  it('RateLimiter(null) never refuses; setConfig starts empty', () => {
    const clock = manualClock()
    const limiter = new RateLimiter(null, clock)
    for (let i = 0; i < 1000; i++) expect(limiter.tryTake('k')).toBe(true)
    limiter.setConfig({ burst: 1, drainPerSecond: 0 })
    expect(limiter.tryTake('k')).toBe(true)
    expect(limiter.tryTake('k')).toBe(false)
  })

  it('parses PORTAL_RATE_LIMIT', () => {
    expect(parseRateLimit(undefined)).toEqual({ burst: 50, drainPerSecond: 2 })
    expect(parseRateLimit('off')).toBeNull()
    expect(parseRateLimit('250, 5')).toEqual({ burst: 250, drainPerSecond: 5 })
    expect(() => parseRateLimit('fast')).toThrow()
  })
})

describe('rate limit over HTTP', () => {
  let running: Running
  afterEach(() => running.close())

  it('answers 503 QUERY_LIMIT_EXCEEDED past the burst, a batch counting as one request', async () => {
    const clock = manualClock()
    running = await startPortal({ rateLimit: { burst: 3, drainPerSecond: 1 }, clock })
    const { accessToken } = running.login()
    const batch = await running.rest('batch', {
      auth: accessToken,
      cmd: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, 'im.counters.get'])),
    })
    expect(batch.status).toBe(200)
    expect((await running.rest('im.counters.get', { auth: accessToken })).status).toBe(200)
    expect((await running.rest('im.counters.get', { auth: accessToken })).status).toBe(200)
    const refused = await running.rest('im.counters.get', { auth: accessToken })
    expect(refused.status).toBe(503)
    expect(refused.body).toEqual({
      error: 'QUERY_LIMIT_EXCEEDED',
      error_description: 'Too many requests',
    })
    expect(refused.headers.get('access-control-allow-origin')).toBeTruthy()
    clock.advance(1000)
    expect((await running.rest('im.counters.get', { auth: accessToken })).status).toBe(200)
    expect(running.portal.stats.snapshot().rateLimited).toBe(1)
  })
})
