import { normalizeMethod } from './rest/dispatcher.ts'

/**
 * Injected faults for tests (POST /__control/faults). A fault hits the next `times` calls of
 * `method` (`*` = any HTTP request; -1 = until cleared):
 * - `http`: answer with `status` and `{error, error_description}`;
 * - `drop`: destroy the socket without an answer (network error in the browser);
 * - `stall`: wait `ms`, then answer normally;
 * - `result-false`: answer 200 with `result: false`.
 * `http` and `result-false` also hit a batch's sub-commands by their method (not by `*`),
 * producing a per-command error or a `false` result inside the batch answer.
 */

export type FaultKind = 'http' | 'drop' | 'stall' | 'result-false'

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

const KINDS: readonly FaultKind[] = ['http', 'drop', 'stall', 'result-false']

const DEFAULT_ERRORS: Record<number, [string, string]> = {
  401: ['expired_token', 'The access token provided has expired.'],
  403: ['ACCESS_DENIED', 'Access denied!'],
  404: ['ERROR_METHOD_NOT_FOUND', 'Method not found!'],
  429: ['OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit'],
  500: ['INTERNAL_SERVER_ERROR', 'Internal server error'],
  503: ['QUERY_LIMIT_EXCEEDED', 'Too many requests'],
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
  const status = raw.status === undefined ? 500 : Number(raw.status)
  if (!Number.isInteger(status) || status < 100 || status > 599)
    throw new Error('fault.status must be an HTTP status')
  const [defaultError, defaultDescription] = DEFAULT_ERRORS[status] ?? [
    'INTERNAL_SERVER_ERROR',
    'Internal server error',
  ]
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
    error: typeof raw.error === 'string' ? raw.error : defaultError,
    description: typeof raw.description === 'string' ? raw.description : defaultDescription,
    ms,
    times,
  }
}

export class FaultRegistry {
  #faults: Fault[] = []

  add(fault: Fault): void {
    this.#faults.push(fault)
  }

  clear(): void {
    this.#faults = []
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
    if (fault.times > 0) {
      fault.times -= 1
      if (fault.times === 0) this.#faults.splice(index, 1)
    }
    return { ...fault }
  }
}
