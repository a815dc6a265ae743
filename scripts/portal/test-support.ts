/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { ApiVersion, HttpV2 } from '@bitrix24/b24jssdk'
import type { AuthActions } from '@bitrix24/b24jssdk'
import { createPortal } from './server.ts'
import type { Portal, PortalOptions } from './server.ts'
import type { TokenPair } from './auth.ts'

/** Helpers for the portal's unit tests (not a test file itself). */

export interface Running {
  portal: Portal
  base: string
  /** A fresh token pair for the user, as a launch would issue. */
  login(userId?: number): TokenPair
  /** POST /rest/<method> with a JSON body; returns status + parsed body. */
  rest(
    method: string,
    body?: unknown,
    init?: RequestInit,
  ): Promise<{ status: number; body: any; headers: Headers }>
  close(): Promise<void>
}

export async function startPortal(options: PortalOptions = {}): Promise<Running> {
  const portal = createPortal({ port: 0, rateLimit: null, test: true, ...options })
  const base = await portal.listen()
  return {
    portal,
    base,
    login: (userId = 1) => portal.tokens.issue(userId),
    async rest(method, body = {}, init = {}) {
      const response = await fetch(new URL(`rest/${method}`, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
      })
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = JSON.parse(text)
      } catch {
        // leave as text
      }
      return { status: response.status, body: parsed, headers: response.headers }
    },
    close: () => portal.close(),
  }
}

/**
 * The SDK's own HTTP client (HttpV2: the code behind `$b24.actions.v2.*`) pointed at the
 * portal, with auth handled the way B24Frame's AuthManager does (refreshAuth = the frame's
 * refresh, here straight against the token store).
 */
export function sdkClient(running: Running, userId = 1): { http: HttpV2; refreshes: () => number } {
  let pair = running.login(userId)
  let refreshes = 0
  const origin = running.base.replace(/\/$/, '')
  const authData = () => ({
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    expires: Date.now() / 1000 + 3600,
    expires_in: 3600,
    domain: origin,
    member_id: 'test',
  })
  const actions: AuthActions = {
    getAuthData: () => authData(),
    refreshAuth: async () => {
      refreshes++
      const next = running.portal.tokens.refresh(pair.refreshToken)
      if (!next) throw new Error('refresh failed')
      pair = next
      return authData()
    },
    getUniq: (prefix) => `${prefix}_test`,
    isAdmin: true,
    getTargetOrigin: () => origin,
    getTargetOriginWithPath: () =>
      new Map([
        [ApiVersion.v2, `${origin}/rest`],
        [ApiVersion.v3, `${origin}/rest/api`],
      ]),
  }
  const http = new HttpV2(actions, null, { maxRetries: 1 })
  return { http, refreshes: () => refreshes }
}
