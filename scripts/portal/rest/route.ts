import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../clock.ts'
import type { TokenStore } from '../auth.ts'
import type { RateLimiter } from '../rate-limit.ts'
import type { Fault, FaultRegistry } from '../faults.ts'
import type { RequestLog } from '../log.ts'
import type { RequestStats } from '../stats.ts'
import type { PortalStore } from '../data/store.ts'
import { portalUser } from '../data/users.ts'
import { runBatch } from '../batch.ts'
import type { CommandOutcome } from '../batch.ts'
import { parsePhpQuery } from '../php-query.ts'
import { BodyTooLargeError, readBody, sendJson, sleep } from '../http-util.ts'
import { dispatch, normalizeMethod } from './dispatcher.ts'
import { RestError, errorBody, restErrors } from './errors.ts'
import type { ErrorBody } from './errors.ts'
import { isPlainObject } from './params.ts'
import type { Params } from './params.ts'
import { OperatingMeter, makeTime } from './time.ts'
import type { MethodContext } from './types.ts'

/**
 * The REST endpoint `/rest/<method>` (API v2), answering what the SDK's axios client sends:
 * a cross-origin POST with a JSON body (params + `auth`) and `?bx24_request_id=…` in the
 * query. Order of checks: CORS → count → latency/faults (tests) → body → rate limit → auth →
 * method. Every failure is an answer in the documented shape; nothing here throws out.
 */

export interface RestDeps {
  clock: Clock
  store: PortalStore
  tokens: TokenStore
  limiter: RateLimiter
  faults: FaultRegistry
  log: RequestLog
  stats: RequestStats
  /** Extra delay before every REST answer (control API). */
  latencyMs: () => number
}

/** The rate limit is per portal and application; this portal hosts one application. */
const RATE_LIMIT_KEY = 'local-app'

/** CORS as a portal sends it: the app's origin echoed on every answer, errors included. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  const known = typeof origin === 'string' && origin !== ''
  return {
    'Access-Control-Allow-Origin': known ? origin : '*',
    ...(known ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    Vary: 'Origin',
  }
}

function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers']
  return {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers':
      typeof requested === 'string' && requested.trim() !== ''
        ? requested
        : 'Content-Type, Authorization, X-Requested-With',
    'Access-Control-Max-Age': '86400',
  }
}

/** Body → params: JSON (what the SDK sends) or form-urlencoded (PHP syntax). */
export function parseRestBody(text: string, contentType: string | undefined): Params {
  const type = (contentType ?? '').toLowerCase()
  const trimmed = text.trim()
  if (trimmed === '') return {}
  const looksJson =
    type.includes('json') || ((!type || type.includes('text/plain')) && /^[[{]/.test(trimmed))
  if (looksJson) {
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch {
      throw restErrors.badJson()
    }
    // A batch may arrive as a bare array? No — only objects are parameter sets.
    if (!isPlainObject(value)) throw restErrors.badJson()
    return value
  }
  return parsePhpQuery(trimmed)
}

/**
 * A method's result that is an error itself: CRestServer::processResponse (rest module
 * classes/general/rest.php) passes an array with a non-empty `error` and `error_description`
 * through unchanged, so it becomes the whole body of a 200 answer — and, inside a batch, that
 * command's entry of `result_error` (CRestProvider::methodsBatch).
 */
export function returnedError(result: unknown): ErrorBody | undefined {
  if (!isPlainObject(result)) return undefined
  const { error, error_description: description } = result
  if (typeof error !== 'string' || error === '') return undefined
  if (typeof description !== 'string' || description === '') return undefined
  return result as ErrorBody
}

/** Query-string params (minus the SDK's bookkeeping ones), overridden by the body. */
function queryParams(url: URL): Params {
  return Object.fromEntries(
    Object.entries(parsePhpQuery(url.search)).filter(([key]) => !key.startsWith('bx24_')),
  )
}

export class RestRoute {
  readonly #deps: RestDeps
  readonly #meter: OperatingMeter

  constructor(deps: RestDeps) {
    this.#deps = deps
    this.#meter = new OperatingMeter(deps.clock)
  }

  resetMeter(): void {
    this.#meter.reset()
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const deps = this.#deps
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { ...preflightHeaders(req), 'Content-Length': '0' })
      res.end()
      return
    }
    const cors = corsHeaders(req)
    const started = deps.clock()
    const wallStarted = Date.now()
    let method = ''
    let params: Params = {}
    let fault: Fault | undefined

    const answer = (status: number, body: unknown, error?: string): void => {
      sendJson(res, status, body, cors)
      deps.log.add({
        source: 'rest',
        method: method || '(none)',
        params,
        status,
        ...(error ? { error } : {}),
        durationMs: Date.now() - wallStarted,
      })
    }
    // The request has been run: a test fault may still lose or delay its answer.
    const finish = (status: number, body: unknown, error?: string): void => {
      if (fault?.kind === 'drop-answer') {
        deps.log.add({
          source: 'rest',
          method,
          params,
          error: 'ANSWER DROPPED (fault)',
          durationMs: Date.now() - wallStarted,
        })
        req.socket.destroy()
      } else if (fault?.kind === 'hold') {
        setTimeout(() => answer(status, body, error), fault.ms)
      } else {
        answer(status, body, error)
      }
    }
    const fail = (error: RestError): void => finish(error.status, errorBody(error), error.code)

    try {
      const segments = url.pathname
        .slice('/rest/'.length)
        .split('/')
        .filter((segment) => segment !== '')
        .map((segment) => {
          try {
            return decodeURIComponent(segment)
          } catch {
            return segment
          }
        })
      method = normalizeMethod(segments.at(-1) ?? '')
      deps.stats.countRequest(method || '(none)')
      const latency = deps.latencyMs()
      if (latency > 0) await sleep(latency)

      fault = deps.faults.take(method, 'request')
      if (fault?.kind === 'drop') {
        deps.log.add({
          source: 'rest',
          method,
          error: 'DROPPED (fault)',
          durationMs: Date.now() - wallStarted,
        })
        req.socket.destroy()
        return
      }
      if (fault?.kind === 'stall') await sleep(fault.ms)

      try {
        params = {
          ...queryParams(url),
          ...parseRestBody(await readBody(req), req.headers['content-type']),
        }
      } catch (error) {
        if (error instanceof BodyTooLargeError) return fail(restErrors.bodyTooLarge())
        if (error instanceof RestError) return fail(error)
        throw error
      }

      if (fault?.kind === 'http') {
        return finish(
          fault.status,
          { error: fault.error, error_description: fault.description },
          fault.error,
        )
      }
      if (segments.length === 0) return fail(restErrors.methodNotFound())
      // `/rest/<user>/<webhook>/<method>`: webhooks are not part of this portal.
      if (segments.length > 1) {
        return fail(
          segments[0] === 'api' ? restErrors.methodNotFound() : restErrors.invalidCredentials(),
        )
      }
      if (!deps.limiter.tryTake(RATE_LIMIT_KEY)) {
        deps.stats.countRateLimited()
        return fail(restErrors.queryLimit())
      }

      const verified = deps.tokens.verify(params.auth)
      if (!verified.ok) {
        if (verified.code === 'NO_AUTH_FOUND') return fail(restErrors.noAuth())
        if (verified.code === 'expired_token') return fail(restErrors.expiredToken())
        return fail(restErrors.invalidToken())
      }
      const methodParams: Params = Object.fromEntries(
        Object.entries(params).filter(([key]) => key !== 'auth'),
      )
      deps.stats.noteCall(method, methodParams)
      const context: MethodContext = {
        userId: verified.userId,
        isAdmin: portalUser(verified.userId)?.isAdmin ?? false,
        store: deps.store,
      }

      if (fault?.kind === 'result-false') {
        return finish(200, { result: false, time: this.#time(method, started) })
      }

      if (method === 'batch') {
        const carried: string[] = []
        const answer = runBatch(methodParams, (subMethod, subParams) => {
          carried.push(normalizeMethod(subMethod))
          return this.#runCommand(subMethod, subParams, context)
        })
        this.#deps.stats.countBatch(carried)
        return finish(200, { result: answer, time: this.#time(method, started) })
      }

      const outcome = dispatch(method, methodParams, context)
      const returned = returnedError(outcome.result)
      if (returned) return finish(200, returned, returned.error)
      const body: Record<string, unknown> = { result: outcome.result }
      if (outcome.next !== undefined) body.next = outcome.next
      if (outcome.total !== undefined) body.total = outcome.total
      body.time = this.#time(method, started)
      return finish(200, body)
    } catch (error) {
      if (error instanceof RestError) return fail(error)
      console.error('[portal] REST handler failed:', error)
      return fail(restErrors.internal())
    }
  }

  #time(method: string, startedMs: number) {
    const finished = Math.max(this.#deps.clock(), startedMs)
    return makeTime(startedMs, finished, this.#meter.record(method, (finished - startedMs) / 1000))
  }

  /** One batch sub-command: same handlers, own `result_time`, sub-command faults. */
  #runCommand(method: string, params: Params, context: MethodContext): CommandOutcome {
    const deps = this.#deps
    const name = normalizeMethod(method)
    deps.stats.countCommand(name)
    deps.stats.noteCall(name, params)
    const started = deps.clock()
    const fault = deps.faults.take(name, 'command')
    if (fault?.kind === 'http') {
      return { ok: false, error: { error: fault.error, error_description: fault.description } }
    }
    try {
      const outcome =
        fault?.kind === 'result-false' ? { result: false } : dispatch(name, params, context)
      const returned = returnedError(outcome.result)
      if (returned) return { ok: false, error: returned }
      const finished = Math.max(deps.clock(), started)
      return {
        ok: true,
        result: outcome.result,
        ...('total' in outcome && outcome.total !== undefined ? { total: outcome.total } : {}),
        ...('next' in outcome && outcome.next !== undefined ? { next: outcome.next } : {}),
        time: makeTime(started, finished),
      }
    } catch (error) {
      const restError = error instanceof RestError ? error : restErrors.internal()
      if (!(error instanceof RestError)) console.error('[portal] batch command failed:', error)
      return { ok: false, error: errorBody(restError) }
    }
  }
}
