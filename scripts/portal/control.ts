import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenStore } from './auth.ts'
import type { Clock } from './clock.ts'
import type { FaultRegistry } from './faults.ts'
import { parseFault } from './faults.ts'
import type { RateLimitConfig, RateLimiter } from './rate-limit.ts'
import type { RequestStats } from './stats.ts'
import type { CountersShape, PortalStore } from './data/store.ts'
import { clampCount, dialogRow } from './data/store.ts'
import { MAX_DIALOGS } from './data/generate.ts'
import { deliver } from './data/arrival.ts'
import { COUNTERS_SHAPES, countersOf } from './rest/counters.ts'
import { isLoopback, parseJsonObject, readBody, sendJson } from './http-util.ts'

/**
 * Test control API under /__control/ (only with `test: true` / PORTAL_TEST=1, only from
 * loopback). JSON in, JSON out; a bad request is a 400 `{error}` with a readable message.
 */

export interface ControlDeps {
  clock: Clock
  store: PortalStore
  tokens: TokenStore
  limiter: RateLimiter
  faults: FaultRegistry
  stats: RequestStats
  setLatency(ms: number): void
  setUserOptionDelay(ms: number): void
  /** Back to the settings the portal started with. */
  resetAll(): void
  defaults: {
    rateLimit: RateLimitConfig | null
    tokenTtlSeconds: number
    dialogs: number
    userOptionDelayMs: number
  }
}

class ControlError extends Error {}

function userParam(value: unknown): number {
  if (value === undefined || value === null || value === '') return 1
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new ControlError('user must be a positive integer')
  return id
}

function dialogParam(value: unknown): string | number {
  if ((typeof value !== 'string' || value === '') && typeof value !== 'number')
    throw new ControlError('dialog must be a dialog id (N, chatN, sgN)')
  return value
}

/** A count or an id that may be 0: a non-negative integer. */
function wholeNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new ControlError(`${name} must be a non-negative integer`)
  return value
}

/** One dialog's messages and reading state: GET /__control/messages. */
function messagesOf(store: PortalStore, user: number, dialog: string | number) {
  const item = dialogRow(store.user(user).items, dialog)
  if (!item) throw new ControlError(`user ${user} has no dialog ${String(dialog)}`)
  const history = store.histories.of(item, user)
  return {
    dialogId: item.id,
    chatId: item.chat_id,
    lastId: item.last_id,
    counter: item.counter,
    unreadIds: history ? [...history.unread].sort((a, b) => a - b) : [],
    messages: history?.messages ?? [],
  }
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlDeps,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: 'control API is only available from loopback' })
    return
  }
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`
  try {
    const body =
      req.method === 'POST' || req.method === 'DELETE' ? parseJsonObject(await readBody(req)) : {}
    const answer = run(route, body, url, deps)
    if (answer === undefined) {
      sendJson(res, 404, { error: `unknown control route: ${route}` })
      return
    }
    sendJson(res, 200, answer)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    sendJson(res, 400, { error: message })
  }
}

function run(route: string, body: Record<string, unknown>, url: URL, deps: ControlDeps): unknown {
  switch (route) {
    case 'POST /__control/reset':
      deps.resetAll()
      return { ok: true }

    case 'POST /__control/latency': {
      const ms = Number(body.ms ?? 0)
      if (!Number.isFinite(ms) || ms < 0 || ms > 600_000)
        throw new ControlError('ms must be between 0 and 600000')
      deps.setLatency(ms)
      return { ok: true, ms }
    }

    case 'POST /__control/user-option-delay': {
      const ms = Number(body.ms ?? deps.defaults.userOptionDelayMs)
      if (!Number.isFinite(ms) || ms < 0 || ms > 600_000)
        throw new ControlError('ms must be between 0 and 600000')
      deps.setUserOptionDelay(ms)
      return { ok: true, ms }
    }

    case 'POST /__control/install': {
      if (typeof body.installed !== 'boolean')
        throw new ControlError('installed must be true or false')
      deps.store.setInstalled(body.installed)
      return { ok: true, installed: body.installed }
    }

    case 'POST /__control/faults': {
      const fault = parseFault(body)
      deps.faults.add(fault)
      return { ok: true, fault, faults: deps.faults.list() }
    }
    case 'GET /__control/faults':
      return {
        faults: deps.faults.list(),
        hits: deps.faults.hits(),
        expiredTokensRefused: deps.tokens.expiredRefused,
      }
    case 'DELETE /__control/faults':
      deps.faults.clear()
      return { ok: true }

    case 'POST /__control/data': {
      const user = userParam(body.user)
      if (body.dialogs !== undefined) {
        if (!Array.isArray(body.dialogs))
          throw new ControlError('dialogs must be an array of raw items')
        deps.store.replace(user, body.dialogs)
        return { ok: true, user, count: body.dialogs.length }
      }
      const count = body.count === undefined ? deps.defaults.dialogs : Number(body.count)
      if (!Number.isInteger(count) || count < 0 || count > MAX_DIALOGS) {
        throw new ControlError(`count must be an integer 0…${MAX_DIALOGS}`)
      }
      deps.store.regenerate(user, clampCount(count))
      return { ok: true, user, count }
    }

    case 'POST /__control/message': {
      const user = userParam(body.user)
      const dialog = dialogParam(body.dialog)
      if (body.text !== undefined && typeof body.text !== 'string')
        throw new ControlError('text must be a string')
      const message = deliver(
        deps.store,
        user,
        dialog,
        {
          ...(body.author === undefined ? {} : { authorId: wholeNumber(body.author, 'author') }),
          ...(body.text === undefined ? {} : { text: body.text }),
        },
        deps.clock(),
      )
      if (!message)
        throw new ControlError(`user ${user} has no dialog ${String(dialog)} with messages`)
      return {
        ok: true,
        message: { id: message.id, authorId: message.authorId, text: message.text },
      }
    }

    case 'GET /__control/messages': {
      const user = userParam(url.searchParams.get('user') ?? undefined)
      return messagesOf(deps.store, user, dialogParam(url.searchParams.get('dialog') ?? ''))
    }

    case 'GET /__control/counters': {
      const user = userParam(url.searchParams.get('user') ?? undefined)
      return { shape: deps.store.countersShape, result: countersOf(deps.store, user) }
    }

    case 'POST /__control/counters-shape': {
      if (!COUNTERS_SHAPES.includes(body.shape as CountersShape))
        throw new ControlError(`shape must be one of ${COUNTERS_SHAPES.join(', ')}`)
      deps.store.countersShape = body.shape as CountersShape
      return { ok: true, shape: deps.store.countersShape }
    }

    case 'POST /__control/notify': {
      const user = userParam(body.user)
      const count = wholeNumber(body.count, 'count')
      deps.store.user(user).notify = count
      return { ok: true, user, count }
    }

    case 'GET /__control/truth': {
      const user = userParam(url.searchParams.get('user') ?? undefined)
      return {
        user,
        dialogs: deps.store.truth(user),
        queued: deps.store.user(user).queued,
        notify: deps.store.user(user).notify,
        userOptions: deps.store.userOptions(user, deps.clock()),
        pendingUserOptions: Object.fromEntries(
          [...deps.store.user(user).pendingOptions].map(([name, { value }]) => [name, value]),
        ),
        hasRun: deps.store.user(user).hasRun,
        appOptions: deps.store.appOptions,
        placements: deps.store.placements,
        installed: deps.store.installed,
      }
    }

    case 'GET /__control/requests':
      return deps.stats.snapshot()
    case 'POST /__control/requests/reset':
      deps.stats.reset()
      return { ok: true }

    case 'POST /__control/auth': {
      if (body.ttlSeconds !== undefined) {
        const ttl = Number(body.ttlSeconds)
        if (!Number.isFinite(ttl) || ttl <= 0)
          throw new ControlError('ttlSeconds must be a positive number')
        deps.tokens.setTtl(ttl)
      }
      if (body.expireNow === true) deps.tokens.expireAll()
      return { ok: true, ttlSeconds: deps.tokens.ttlSeconds }
    }

    case 'POST /__control/rate-limit': {
      if (body.off === true) {
        deps.limiter.setConfig(null)
        return { ok: true, rateLimit: null }
      }
      const burst = Number(body.burst)
      const drain = Number(body.drain)
      if (!Number.isFinite(burst) || burst < 1 || !Number.isFinite(drain) || drain < 0) {
        throw new ControlError('rate-limit needs {burst >= 1, drain >= 0} or {off: true}')
      }
      deps.limiter.setConfig({ burst, drainPerSecond: drain })
      return { ok: true, rateLimit: { burst, drain } }
    }

    default:
      return undefined
  }
}
