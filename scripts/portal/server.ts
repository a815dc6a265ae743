import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { TokenStore, DEFAULT_TOKEN_TTL_SECONDS } from './auth.ts'
import { systemClock } from './clock.ts'
import type { Clock } from './clock.ts'
import { handleControl } from './control.ts'
import { FaultRegistry } from './faults.ts'
import { RequestLog } from './log.ts'
import { handlePortalApi } from './portal-api.ts'
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.ts'
import type { RateLimitConfig } from './rate-limit.ts'
import { RestRoute } from './rest/route.ts'
import { RequestStats } from './stats.ts'
import { PortalStore } from './data/store.ts'
import type { CountersShape } from './data/store.ts'
import { DEFAULT_DIALOGS } from './data/generate.ts'
import { sendText } from './http-util.ts'
import { pageConfigFromQuery, renderPage } from './page/html.ts'
import { pageScript } from './page/bundle.ts'

/**
 * The local Bitrix24 portal: one HTTP server with
 * - `/` — the portal page hosting the app (page/),
 * - `/rest/<method>` — REST API v2 (rest/),
 * - `/portal-api/…` — the page's own back-end (portal-api.ts),
 * - `/__control/…` — the test control API (control.ts, only with `test: true`).
 */

export interface PortalOptions {
  host?: string
  /** 0 = any free port. */
  port?: number
  /** The app's handler URL the portal launches (form POST target). */
  appUrl?: string
  /** The page opened in install mode (a static app's install.html); default: appUrl. */
  installUrl?: string
  /** Enables /__control/. */
  test?: boolean
  /** Dialogs per user (default 120, max 20000). */
  dialogs?: number
  tokenTtlSeconds?: number
  /** How long a setUserOption write takes to show in getInitData (default 3000 ms). */
  userOptionDelayMs?: number
  /** `null` = rate limiting off. */
  rateLimit?: RateLimitConfig | null
  /** The im.counters.get answer: the current im module's (default) or an older portal's. */
  countersShape?: CountersShape
  clock?: Clock
}

export interface Portal {
  listen(): Promise<string>
  close(): Promise<void>
  /** Base URL once listening, e.g. `http://127.0.0.1:4602/`. */
  readonly url: string | undefined
  readonly store: PortalStore
  readonly tokens: TokenStore
  readonly log: RequestLog
  readonly stats: RequestStats
  readonly faults: FaultRegistry
  readonly limiter: RateLimiter
}

/**
 * A user option written through the frame shows in getInitData only a few seconds later (the
 * portal stores it in the background), so an app must not rely on reading it back at once.
 */
export const DEFAULT_USER_OPTION_DELAY_MS = 3000

/** Fixed per portal, like a real portal's member_id. */
const MEMBER_ID = 'b5c3a9f1e2d4c6b8a0f1e3d5c7b9a1c3'

export function createPortal(options: PortalOptions = {}): Portal {
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 4602
  const appUrl = options.appUrl ?? 'http://localhost:5173/'
  const appOrigin = new URL(appUrl).origin // fail fast on a malformed APP_URL
  if (options.installUrl && new URL(options.installUrl).origin !== appOrigin) {
    throw new Error('the install page must be on the app origin')
  }
  const clock = options.clock ?? systemClock
  const defaults = {
    rateLimit: options.rateLimit === undefined ? { ...DEFAULT_RATE_LIMIT } : options.rateLimit,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    dialogs: options.dialogs ?? DEFAULT_DIALOGS,
    userOptionDelayMs: options.userOptionDelayMs ?? DEFAULT_USER_OPTION_DELAY_MS,
  }
  // A fresh portal has the app installed with its messenger items bound, as the app's own
  // installer leaves it; /__control/install takes it back to "never installed".
  const store = new PortalStore(
    defaults.dialogs,
    [
      {
        placement: 'IM_NAVIGATION',
        handler: appUrl,
        title: 'Unread marks',
        description: '',
        langAll: {},
        options: { iconName: 'fa-envelope' },
        userId: 0,
      },
      {
        placement: 'IM_CONTEXT_MENU',
        handler: appUrl,
        title: 'Mark unread from here',
        description: '',
        langAll: {},
        options: {},
        userId: 0,
      },
    ],
    options.countersShape,
  )
  const tokens = new TokenStore(clock, defaults.tokenTtlSeconds)
  const limiter = new RateLimiter(defaults.rateLimit, clock)
  const faults = new FaultRegistry()
  const log = new RequestLog()
  const stats = new RequestStats()
  let latencyMs = 0
  let userOptionDelayMs = defaults.userOptionDelayMs
  const rest = new RestRoute({
    clock,
    store,
    tokens,
    limiter,
    faults,
    log,
    stats,
    latencyMs: () => latencyMs,
  })
  const applicationToken = 'f3e1c5a7b9d1e3f5a7c9b1d3e5f7a9c1'

  const resetAll = (): void => {
    store.reset()
    faults.reset()
    tokens.resetCounts()
    latencyMs = 0
    userOptionDelayMs = defaults.userOptionDelayMs
    stats.reset()
    // A test reads the page's request log for its own requests; the last test's must not be there.
    log.clear()
    limiter.setConfig(defaults.rateLimit)
    tokens.setTtl(defaults.tokenTtlSeconds)
    rest.resetMeter()
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://portal.local')
    const path = url.pathname
    if (path === '/rest' || path.startsWith('/rest/')) return rest.handle(req, res, url)
    if (path.startsWith('/__control/')) {
      if (!options.test) return sendText(res, 404, 'Not found')
      return handleControl(req, res, url, {
        clock,
        store,
        tokens,
        limiter,
        faults,
        stats,
        setLatency: (ms) => {
          latencyMs = ms
        },
        setUserOptionDelay: (ms) => {
          userOptionDelayMs = ms
        },
        resetAll,
        defaults,
      })
    }
    if (path.startsWith('/portal-api/')) {
      return handlePortalApi(req, res, url, {
        store,
        tokens,
        log,
        memberId: MEMBER_ID,
        applicationToken,
        clock,
        userOptionDelayMs: () => userOptionDelayMs,
      })
    }
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      return sendText(
        res,
        200,
        renderPage(pageConfigFromQuery(url, appUrl, options.installUrl)),
        'text/html; charset=utf-8',
      )
    }
    if (req.method === 'GET' && path === '/portal-assets/page.js') {
      return sendText(res, 200, await pageScript(), 'text/javascript; charset=utf-8')
    }
    if (path === '/favicon.ico') {
      res.writeHead(204)
      res.end()
      return
    }
    return sendText(res, 404, 'Not found')
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[portal] request failed:', error)
      if (!res.headersSent) sendText(res, 500, 'Internal server error')
      else res.destroy()
    })
  })
  let baseUrl: string | undefined

  return {
    get url() {
      return baseUrl
    },
    store,
    tokens,
    log,
    stats,
    faults,
    limiter,
    async listen() {
      // Bundle the page before accepting requests, so a broken page fails the start.
      await pageScript()
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      const address = server.address() as AddressInfo
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
      baseUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : shownHost}:${address.port}/`
      return baseUrl
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve()
        server.close((error) => (error ? reject(error) : resolve()))
        // SSE streams and keep-alive sockets would hold close() open forever.
        server.closeAllConnections()
      })
    },
  }
}
