import type { Clock } from './clock.ts'

/**
 * Bitrix24 cloud limits REST traffic per portal and application with a leaky bucket:
 * every HTTP request adds 1, the bucket drains `drainPerSecond` per second, and a request
 * that would push it past `burst` is refused with 503 QUERY_LIMIT_EXCEEDED (docs/bitrix24-facts.md, "REST calls").
 * A `batch` is one HTTP request, so it adds 1 no matter how many commands it carries.
 */
export interface RateLimitConfig {
  burst: number
  drainPerSecond: number
}

/** The cloud default (Enterprise plans use 250 / 5). */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { burst: 50, drainPerSecond: 2 }

export class LeakyBucket {
  #level = 0
  #lastMs: number
  readonly config: RateLimitConfig
  readonly #clock: Clock

  constructor(config: RateLimitConfig, clock: Clock) {
    this.config = config
    this.#clock = clock
    this.#lastMs = clock()
  }

  /** Current fill after draining up to now. */
  get level(): number {
    this.#drain()
    return this.#level
  }

  /**
   * Counts one request. Returns false (and leaves the level unchanged) when the request
   * would overflow the bucket — a refused request does not deepen the hole, as on a portal
   * the refused call never reaches the method.
   */
  tryTake(): boolean {
    this.#drain()
    if (this.#level + 1 > this.config.burst) return false
    this.#level += 1
    return true
  }

  #drain(): void {
    const now = this.#clock()
    const elapsedSeconds = Math.max(0, now - this.#lastMs) / 1000
    this.#lastMs = now
    this.#level = Math.max(0, this.#level - elapsedSeconds * this.config.drainPerSecond)
  }
}

/** One bucket per key (portal + application); `null` config = limiting switched off. */
export class RateLimiter {
  #config: RateLimitConfig | null
  #buckets = new Map<string, LeakyBucket>()
  readonly #clock: Clock

  constructor(config: RateLimitConfig | null, clock: Clock) {
    this.#config = config
    this.#clock = clock
  }

  get config(): RateLimitConfig | null {
    return this.#config
  }

  /** Changing the limits starts every bucket empty, like a fresh portal. */
  setConfig(config: RateLimitConfig | null): void {
    this.#config = config
    this.#buckets.clear()
  }

  tryTake(key: string): boolean {
    if (!this.#config) return true
    let bucket = this.#buckets.get(key)
    if (!bucket) {
      bucket = new LeakyBucket(this.#config, this.#clock)
      this.#buckets.set(key, bucket)
    }
    return bucket.tryTake()
  }
}

/** Parses `PORTAL_RATE_LIMIT`: `off`, or `burst,drainPerSecond` (e.g. `50,2`). */
export function parseRateLimit(value: string | undefined): RateLimitConfig | null {
  if (value === undefined || value.trim() === '') return { ...DEFAULT_RATE_LIMIT }
  const text = value.trim().toLowerCase()
  if (text === 'off' || text === '0' || text === 'false' || text === 'no') return null
  const match = /^(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)$/.exec(text)
  if (!match)
    throw new Error(`PORTAL_RATE_LIMIT must be "off" or "burst,drainPerSecond", got "${value}"`)
  const burst = Number(match[1])
  const drainPerSecond = Number(match[2])
  if (burst < 1) throw new Error('PORTAL_RATE_LIMIT: burst must be at least 1')
  return { burst, drainPerSecond }
}
