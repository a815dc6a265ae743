import { createPortal } from './server.ts'
import { parseRateLimit } from './rate-limit.ts'
import { MAX_DIALOGS, DEFAULT_DIALOGS } from './data/generate.ts'
import { DEFAULT_TOKEN_TTL_SECONDS } from './auth.ts'
import { hostStaticApp } from './static-apps.ts'
import { COUNTERS_SHAPES } from './rest/counters.ts'
import type { CountersShape } from './data/store.ts'

/**
 * CLI: `npx tsx scripts/portal/main.ts`. Environment:
 *   PORTAL_HOST (127.0.0.1), PORTAL_PORT (4602), APP_URL (http://localhost:5173/),
 *   PORTAL_TEST=1 (control API), PORTAL_DIALOGS (120, max 20000),
 *   PORTAL_TOKEN_TTL (seconds, 3600), PORTAL_RATE_LIMIT (`off` | `burst,drainPerSecond`, 50,2),
 *   PORTAL_STATIC_APP (a static app's ZIP: hosted on http://localhost:PORTAL_STATIC_PORT, 4603,
 *   under a path of its own, instead of APP_URL), PORTAL_COUNTERS (`current` | `legacy`: the
 *   im.counters.get answer, current).
 * The last line it prints is the URL to open.
 */

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

function countersShapeFromEnv(): CountersShape {
  const raw = process.env.PORTAL_COUNTERS?.trim() || 'current'
  const shape = COUNTERS_SHAPES.find((candidate) => candidate === raw)
  if (!shape)
    throw new Error(`PORTAL_COUNTERS must be ${COUNTERS_SHAPES.join(' or ')}, got "${raw}"`)
  return shape
}

async function main(): Promise<void> {
  const archive = process.env.PORTAL_STATIC_APP?.trim()
  const staticApp = archive
    ? await hostStaticApp({ archive, port: intFromEnv('PORTAL_STATIC_PORT', 4603, 0, 65535) })
    : undefined
  const portal = createPortal({
    host: process.env.PORTAL_HOST?.trim() || '127.0.0.1',
    port: intFromEnv('PORTAL_PORT', 4602, 0, 65535),
    appUrl: staticApp?.indexUrl ?? (process.env.APP_URL?.trim() || 'http://localhost:5173/'),
    ...(staticApp ? { installUrl: staticApp.installUrl } : {}),
    test: process.env.PORTAL_TEST === '1' || process.env.PORTAL_TEST === 'true',
    dialogs: intFromEnv('PORTAL_DIALOGS', DEFAULT_DIALOGS, 0, MAX_DIALOGS),
    tokenTtlSeconds: intFromEnv('PORTAL_TOKEN_TTL', DEFAULT_TOKEN_TTL_SECONDS, 1, 10 * 365 * 86400),
    rateLimit: parseRateLimit(process.env.PORTAL_RATE_LIMIT),
    countersShape: countersShapeFromEnv(),
  })
  const url = await portal.listen()
  if (staticApp) console.log(`Static app from ${archive}: ${staticApp.indexUrl}`)
  console.log(`Local Bitrix24 portal: ${url}`)

  let closing = false
  const shutdown = (): void => {
    if (closing) return
    closing = true
    Promise.all([portal.close(), staticApp?.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
