/**
 * Readers for REST parameters. A parameter can arrive as JSON (numbers, booleans) or, inside a
 * batch or a form body, as a PHP-style string — so every reader accepts both, the way PHP's
 * loose comparisons on a portal do.
 */
export type Params = Record<string, unknown>

/** `Y`/`N` flags: only `Y` (any case) or `true` means yes. */
export function flag(params: Params, name: string, fallback = false): boolean {
  const value = params[name]
  if (value === undefined || value === null || value === '') return fallback
  if (value === true) return true
  if (typeof value === 'string') return value.toUpperCase() === 'Y'
  return false
}

/** Integer parameter; anything that is not an integer gives `fallback`. */
export function integer(params: Params, name: string, fallback: number): number {
  const value = params[name]
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value)
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10)
  return fallback
}

export function text(params: Params, name: string): string | undefined {
  const value = params[name]
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** Parses an ATOM/ISO date parameter to ms, or undefined when absent/unparseable. */
export function date(params: Params, name: string): number | undefined {
  const value = text(params, name)
  if (!value) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
