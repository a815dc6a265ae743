import { randomBytes } from 'node:crypto'
import type { Clock } from './clock.ts'

/**
 * OAuth-like token pairs of the portal. The portal hands the app an access token (AUTH_ID)
 * and a refresh token (REFRESH_ID); every REST call carries the access token as `auth`.
 * The frame's `refreshAuth` trades the refresh token for a new pair, after which the old
 * refresh token is dead — exactly what the SDK relies on after a 401 expired_token.
 */
export interface TokenPair {
  accessToken: string
  refreshToken: string
  /** Lifetime of the access token in seconds (AUTH_EXPIRES). */
  expiresIn: number
  userId: number
}

export type VerifyResult =
  | { ok: true; userId: number }
  | { ok: false; code: 'NO_AUTH_FOUND' | 'invalid_token' | 'expired_token' }

interface AccessRecord {
  userId: number
  expiresAtMs: number
}

export const DEFAULT_TOKEN_TTL_SECONDS = 3600

/** Forget tokens that have been dead this long, so a long session cannot grow the maps forever. */
const FORGET_AFTER_MS = 24 * 3600 * 1000

export class TokenStore {
  #access = new Map<string, AccessRecord>()
  #refresh = new Map<string, number>()
  #ttlSeconds: number
  #expiredRefused = 0
  readonly #clock: Clock

  constructor(clock: Clock, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS) {
    this.#clock = clock
    this.#ttlSeconds = ttlSeconds
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds
  }

  /** Calls refused with expired_token since the last reset: how often an expiry reached the app. */
  get expiredRefused(): number {
    return this.#expiredRefused
  }

  resetCounts(): void {
    this.#expiredRefused = 0
  }

  /** Affects tokens issued from now on (a real portal never re-dates a token it gave out). */
  setTtl(seconds: number): void {
    this.#ttlSeconds = seconds
  }

  issue(userId: number): TokenPair {
    this.#forgetOld()
    // Real tokens are 70 hex characters; the length matters to nobody but looks right in logs.
    const accessToken = randomBytes(35).toString('hex')
    const refreshToken = randomBytes(35).toString('hex')
    this.#access.set(accessToken, { userId, expiresAtMs: this.#clock() + this.#ttlSeconds * 1000 })
    this.#refresh.set(refreshToken, userId)
    return { accessToken, refreshToken, expiresIn: this.#ttlSeconds, userId }
  }

  verify(token: unknown): VerifyResult {
    if (token === undefined || token === null || token === '')
      return { ok: false, code: 'NO_AUTH_FOUND' }
    if (typeof token !== 'string') return { ok: false, code: 'invalid_token' }
    const record = this.#access.get(token)
    if (!record) return { ok: false, code: 'invalid_token' }
    if (this.#clock() >= record.expiresAtMs) {
      this.#expiredRefused += 1
      return { ok: false, code: 'expired_token' }
    }
    return { ok: true, userId: record.userId }
  }

  /** New pair for a live refresh token; the used refresh token stops working. */
  refresh(refreshToken: unknown): TokenPair | null {
    if (typeof refreshToken !== 'string') return null
    const userId = this.#refresh.get(refreshToken)
    if (userId === undefined) return null
    this.#refresh.delete(refreshToken)
    return this.issue(userId)
  }

  /** Every access token issued so far expires now; refresh tokens stay usable. */
  expireAll(): void {
    const now = this.#clock()
    for (const record of this.#access.values()) {
      record.expiresAtMs = Math.min(record.expiresAtMs, now)
    }
  }

  #forgetOld(): void {
    const limit = this.#clock() - FORGET_AFTER_MS
    for (const [token, record] of this.#access) {
      if (record.expiresAtMs < limit) this.#access.delete(token)
    }
  }
}
