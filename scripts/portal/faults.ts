import { normalizeMethod } from './rest/dispatcher.ts'

/**
 * Injected faults for tests (POST /__control/faults). A fault hits the next `times` calls of
 * `method` (`*` = any HTTP request; -1 = until cleared):
 * - `http`: answer with `status` and `{error, error_description}` (a system error code alone
 *   brings its documented status and message, see SYSTEM_ERRORS);
 * - `drop`: destroy the socket before the request is read (network error in the browser; the
 *   server changed nothing);
 * - `stall`: wait `ms`, then run the request and answer normally (a slow portal: the change
 *   lands late);
 * - `hold`: run the request at once, then hold its answer for `ms` (the change is made, the
 *   client does not know yet);
 * - `drop-answer`: run the request, then destroy the socket instead of answering (the change is
 *   made and the client sees a network error — it cannot tell it from `drop`);
 * - `result-false`: answer 200 with `result: false`.
 * `http` and `result-false` also hit a batch's sub-commands by their method (not by `*`),
 * producing a per-command error or a `false` result inside the batch answer.
 * The SDK retries network errors, 5xx and 503 itself (3 attempts), so a fault must hit more
 * than three calls to reach the app.
 */

export type FaultKind = 'http' | 'drop' | 'stall' | 'hold' | 'drop-answer' | 'result-false'

export interface Fault {
  method: string
  kind: FaultKind
  status: number
  error: string
  description: string
  ms: number
  /** Remaining hits; -1 = unlimited. */
  times: number
}

const KINDS: readonly FaultKind[] = ['http', 'drop', 'stall', 'hold', 'drop-answer', 'result-false']

/**
 * The system errors any call can get, with their documented statuses and messages
 * (b24restdocs `_includes/system-errors.md`; docs/bitrix24-facts.md, "REST calls"). A fault naming one of these codes
 * without a status gets the documented status.
 */
export const SYSTEM_ERRORS: Record<string, [status: number, description: string]> = {
  INTERNAL_SERVER_ERROR: [500, 'Internal server error'],
  ERROR_UNEXPECTED_ANSWER: [500, 'Server returned an unexpected response'],
  QUERY_LIMIT_EXCEEDED: [503, 'Too many requests'],
  OPERATION_TIME_LIMIT: [429, 'Method is blocked due to operation time limit'],
  NO_AUTH_FOUND: [401, 'Wrong authorization data'],
  INVALID_REQUEST: [401, 'Https required'],
  OVERLOAD_LIMIT: [401, 'REST API is blocked due to overload'],
  ACCESS_DENIED: [401, 'REST is available only on commercial plans'],
  INVALID_CREDENTIALS: [401, 'Invalid request credentials'],
  ERROR_METHOD_NOT_FOUND: [404, 'Method not found!'],
  insufficient_scope: [
    401,
    'The request requires higher privileges than provided by the access token',
  ],
  expired_token: [401, 'The access token provided has expired'],
  user_access_error: [401, 'The user does not have access to the application'],
  PORTAL_DELETED: [403, 'Portal was deleted'],
}

/** The error a bare status stands for. */
const DEFAULT_CODES: Record<number, string> = {
  401: 'expired_token',
  403: 'PORTAL_DELETED',
  404: 'ERROR_METHOD_NOT_FOUND',
  429: 'OPERATION_TIME_LIMIT',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'QUERY_LIMIT_EXCEEDED',
}

/** Validates a fault spec from the control API; throws Error with a readable message. */
export function parseFault(spec: unknown): Fault {
  if (spec === null || typeof spec !== 'object') throw new Error('fault must be an object')
  const raw = spec as Record<string, unknown>
  if (typeof raw.method !== 'string' || raw.method.trim() === '')
    throw new Error('fault.method must be a method name or "*"')
  if (!KINDS.includes(raw.kind as FaultKind))
    throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`)
  const kind = raw.kind as FaultKind
  const code = typeof raw.error === 'string' && raw.error !== '' ? raw.error : undefined
  const known = code === undefined ? undefined : SYSTEM_ERRORS[code]
  const status = raw.status === undefined ? (known?.[0] ?? 500) : Number(raw.status)
  if (!Number.isInteger(status) || status < 100 || status > 599)
    throw new Error('fault.status must be an HTTP status')
  const error = code ?? DEFAULT_CODES[status] ?? 'INTERNAL_SERVER_ERROR'
  const description =
    typeof raw.description === 'string'
      ? raw.description
      : (SYSTEM_ERRORS[error]?.[1] ?? 'Internal server error')
  const times = raw.times === undefined ? 1 : Number(raw.times)
  if (!Number.isInteger(times) || (times < 1 && times !== -1))
    throw new Error('fault.times must be a positive integer or -1')
  const ms = raw.ms === undefined ? 1000 : Number(raw.ms)
  if (!Number.isFinite(ms) || ms < 0 || ms > 600_000)
    throw new Error('fault.ms must be between 0 and 600000')
  return {
    method: raw.method.trim() === '*' ? '*' : normalizeMethod(raw.method),
    kind,
    status,
    error,
    description,
    ms,
    times,
  }
}

/** How many calls the injected faults actually hit, by kind: faults that never met a request do not count. */
export type FaultHits = Record<FaultKind, number>

const noHits = (): FaultHits => ({
  http: 0,
  drop: 0,
  stall: 0,
  hold: 0,
  'drop-answer': 0,
  'result-false': 0,
})

export class FaultRegistry {
  #faults: Fault[] = []
  #hits = noHits()

  add(fault: Fault): void {
    this.#faults.push(fault)
  }

  /** Drops the faults not yet taken; what was hit stays counted. */
  clear(): void {
    this.#faults = []
  }

  /** Drops the faults and the hit counts. */
  reset(): void {
    this.#faults = []
    this.#hits = noHits()
  }

  hits(): FaultHits {
    return { ...this.#hits }
  }

  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }))
  }

  /**
   * Takes (consumes one hit of) the first fault for this HTTP request (`stage: 'request'`,
   * `*` matches) or batch sub-command (`stage: 'command'`, exact method, http/result-false).
   */
  take(method: string, stage: 'request' | 'command'): Fault | undefined {
    const name = normalizeMethod(method)
    const index = this.#faults.findIndex((fault) =>
      stage === 'request'
        ? fault.method === '*' || fault.method === name
        : fault.method === name && (fault.kind === 'http' || fault.kind === 'result-false'),
    )
    if (index < 0) return undefined
    const fault = this.#faults[index] as Fault
    this.#hits[fault.kind] += 1
    if (fault.times > 0) {
      fault.times -= 1
      if (fault.times === 0) this.#faults.splice(index, 1)
    }
    return { ...fault }
  }
}
