/**
 * The request log shown live on the portal page (`#request-log`): every REST call (from the
 * server, streamed over SSE at GET /portal-api/events) and every frame command (added by the
 * page itself). Bounded, newest first; tokens never leave the server unredacted.
 */

export interface LogEntry {
  id: number
  /** ISO time the entry was recorded. */
  at: string
  source: 'rest' | 'frame'
  method: string
  params?: unknown
  /** HTTP status of a REST answer. */
  status?: number
  /** Error code (REST) or problem (frame). */
  error?: string
  durationMs?: number
  note?: string
}

export type NewLogEntry = Omit<LogEntry, 'id' | 'at'>

export const LOG_LIMIT = 500

const SECRET_KEYS = new Set([
  'auth',
  'auth_id',
  'refresh_id',
  'access_token',
  'refresh_token',
  'application_token',
])

/** Deep copy with every token-like value replaced by "***". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 20) return '…'
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEYS.has(key.toLowerCase()) ? '***' : redact(item, depth + 1)
    }
    return out
  }
  return value
}

/** Keeps log entries small: params longer than this are cut (as JSON text). */
const MAX_PARAMS_CHARS = 2000

function compactParams(params: unknown): unknown {
  if (params === undefined) return undefined
  const safe = redact(params)
  const json = JSON.stringify(safe) ?? ''
  return json.length > MAX_PARAMS_CHARS ? `${json.slice(0, MAX_PARAMS_CHARS)}…` : safe
}

export class RequestLog {
  #entries: LogEntry[] = []
  #nextId = 1
  #listeners = new Set<(entry: LogEntry) => void>()
  readonly #limit: number

  constructor(limit = LOG_LIMIT) {
    this.#limit = limit
  }

  add(entry: NewLogEntry): LogEntry {
    const full: LogEntry = {
      ...entry,
      params: compactParams(entry.params),
      id: this.#nextId++,
      at: new Date().toISOString(),
    }
    this.#entries.unshift(full)
    if (this.#entries.length > this.#limit) this.#entries.length = this.#limit
    for (const listener of this.#listeners) listener(full)
    return full
  }

  /** Newest first. */
  entries(): LogEntry[] {
    return [...this.#entries]
  }

  subscribe(listener: (entry: LogEntry) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  clear(): void {
    this.#entries = []
  }
}
