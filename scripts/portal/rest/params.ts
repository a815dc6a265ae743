/**
 * Readers for REST parameters. A parameter can arrive as JSON (numbers, booleans) or, inside a
 * batch or a form body, as a PHP-style string — so every reader accepts both, the way PHP's
 * loose comparisons on a portal do.
 */
export type Params = Record<string, unknown>

/**
 * A `Y`/`N` flag as the im module reads one: yes only for the exact string `Y`. CIMRestService
 * recentList / recentGet compare with `=== 'Y'` and upper-case parameter names only, never values
 * (im module classes/general/im_rest.php), so `y`, `true`, `1` and `'1'` are all no.
 */
export function flag(params: Params, name: string): boolean {
  return params[name] === 'Y'
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

/**
 * Parameter names as a method sees them: upper-cased, later duplicates winning, the way every
 * im method starts with PHP's `array_change_key_case($arParams, CASE_UPPER)` (im module,
 * CIMRestService), so `dialog_id` and `Dialog_Id` reach the method as `DIALOG_ID`.
 */
export function upperCaseNames(params: Params): Params {
  const out: Params = {}
  for (const [key, value] of Object.entries(params)) out[key.toUpperCase()] = value
  return out
}

/**
 * PHP's `intval()` on a parameter: leading integer of a string ("12abc" → 12), truncated
 * numbers, 0 for anything else.
 */
export function intval(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value !== 'string') return 0
  const match = /^\s*([+-]?\d+)/.exec(value)
  return match ? Number.parseInt(match[1] as string, 10) : 0
}

/** PHP's `(string)` cast of a JSON value (`null` → `''`, `true` → `'1'`, an array → `'Array'`). */
export function phpString(value: unknown): string {
  if (value === undefined || value === null || value === false) return ''
  if (value === true) return '1'
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return 'Array'
}

/**
 * PHP's truthiness (`if ($value)`): false for a missing value, `null`, `false`, `0`, `''`, `'0'`
 * and an empty array; true for everything else, `'N'` and `'false'` included.
 */
export function phpTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return value !== '' && value !== '0'
  if (Array.isArray(value)) return value.length > 0
  if (isPlainObject(value)) return Object.keys(value).length > 0
  return true
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
