import { parsePhpQuery } from './php-query.ts'
import { phpArray } from './rest/php-json.ts'
import { isPlainObject, phpTruthy, upperCaseNames } from './rest/params.ts'
import type { Params } from './rest/params.ts'
import type { ErrorBody } from './rest/errors.ts'
import type { RestTime } from './rest/time.ts'

/**
 * The `batch` method. The SDK (core/http/v2.mjs + interaction/batch/processing/v2) sends
 * `{halt: 0|1, cmd: {KEY: "method?" + qs.stringify(params)}}` (or `cmd` as an array) and reads
 * back `result.result[KEY]`, `result.result_error[KEY]` (`{error, error_description}`),
 * `result.result_total[KEY]`, `result.result_next[KEY]` and `result.result_time[KEY]`.
 * Like PHP, empty maps go out as `[]` and maps keyed 0…n-1 as JSON arrays.
 */

export const MAX_BATCH_COMMANDS = 50

export interface BatchCommand {
  key: string
  method: string
  params: Params
}

export type CommandOutcome =
  | { ok: true; result: unknown; total?: number; next?: number; time: RestTime }
  | { ok: false; error: ErrorBody }

export type ExecuteCommand = (method: string, params: Params) => CommandOutcome

export interface BatchAnswer {
  result: unknown
  result_error: unknown
  result_total: unknown
  result_next: unknown
  result_time: unknown
}

/**
 * Methods a batch may not carry (rest module classes/general/rest_provider.php,
 * CRestProvider::methodsBatch): ERROR_BATCH_METHOD_NOT_ALLOWED.
 */
const NOT_IN_BATCH = new Set(['batch', 'download', 'upload'])

/** `"im.recent.unread?DIALOG_ID=chat5&ACTION=Y"` → method + params. */
export function parseCommand(row: string): { method: string; params: Params } {
  const question = row.indexOf('?')
  const method = (question < 0 ? row : row.slice(0, question)).trim()
  const query = question < 0 ? '' : row.slice(question + 1)
  return { method, params: parsePhpQuery(query) }
}

/**
 * `halt` and `cmd` as CRestProvider::methodsBatch reads them: names in any case
 * (`array_change_key_case($arQuery, CASE_UPPER)`), halt by PHP truthiness
 * (`isset($arQuery['HALT']) && $arQuery['HALT']`), so `'N'` and `'false'` halt too.
 */
export function parseEnvelope(body: Params): {
  halt: boolean
  isList: boolean
  rows: { key: string; row: unknown }[]
} {
  const envelope = upperCaseNames(body)
  const halt = phpTruthy(envelope.HALT)
  const cmd = envelope.CMD
  if (Array.isArray(cmd)) {
    return { halt, isList: true, rows: cmd.map((row, index) => ({ key: String(index), row })) }
  }
  if (isPlainObject(cmd)) {
    return { halt, isList: false, rows: Object.entries(cmd).map(([key, row]) => ({ key, row })) }
  }
  return { halt, isList: false, rows: [] }
}

const RESULT_REFERENCE = /\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g

/**
 * Resolves `$result[key][field]…` references to earlier commands' results (documented batch
 * feature). A value that is exactly one reference takes the referenced value as is.
 */
function resolveReferences(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const lookup = (key: string, path: string): unknown => {
      let current = results.get(key)
      for (const match of path.matchAll(/\[([^\]]*)\]/g)) {
        if (current === null || typeof current !== 'object') return undefined
        current = (current as Record<string, unknown>)[match[1] as string]
      }
      return current
    }
    const whole = /^\$result\[([^\]]+)\]((?:\[[^\]]*\])*)$/.exec(value)
    if (whole) {
      const found = lookup(whole[1] as string, whole[2] ?? '')
      return found === undefined ? value : found
    }
    if (!value.includes('$result[')) return value
    return value.replace(RESULT_REFERENCE, (match, key: string, path: string) => {
      const found = lookup(key, path)
      return found === undefined || (typeof found === 'object' && found !== null)
        ? match
        : String(found)
    })
  }
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, results))
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = resolveReferences(item, results)
    return out
  }
  return value
}

/**
 * Runs the commands in order through `execute` (the same method handlers a single call uses;
 * auth was checked once for the whole batch by the caller). As CRestProvider::methodsBatch does:
 * a command that is not a string is skipped without an entry but counts toward the 50; every
 * command past 50 gets its own ERROR_BATCH_LENGTH_EXCEEDED entry; with halt the loop stops at
 * the first error, that error included.
 */
export function runBatch(body: Params, execute: ExecuteCommand): BatchAnswer {
  const { halt, rows } = parseEnvelope(body)
  const results: [string, unknown][] = []
  const errors: [string, unknown][] = []
  const totals: [string, unknown][] = []
  const nexts: [string, unknown][] = []
  const times: [string, unknown][] = []
  const byKey = new Map<string, unknown>()

  for (const [position, { key, row }] of rows.entries()) {
    let outcome: CommandOutcome
    if (position >= MAX_BATCH_COMMANDS) {
      outcome = {
        ok: false,
        error: {
          error: 'ERROR_BATCH_LENGTH_EXCEEDED',
          error_description: 'Max batch length exceeded',
        },
      }
    } else if (typeof row !== 'string') {
      continue
    } else if (row.trim() === '') {
      outcome = {
        ok: false,
        error: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
      }
    } else {
      const { method, params } = parseCommand(row)
      if (NOT_IN_BATCH.has(method.toLowerCase())) {
        outcome = {
          ok: false,
          error: {
            error: 'ERROR_BATCH_METHOD_NOT_ALLOWED',
            error_description: 'Method is not allowed for batch usage',
          },
        }
      } else {
        outcome = execute(method, resolveReferences(params, byKey) as Params)
      }
    }
    if (outcome.ok) {
      results.push([key, outcome.result])
      byKey.set(key, outcome.result)
      if (outcome.total !== undefined) totals.push([key, outcome.total])
      if (outcome.next !== undefined) nexts.push([key, outcome.next])
      times.push([key, outcome.time])
    } else {
      errors.push([key, outcome.error])
      if (halt) break
    }
  }

  return {
    result: phpArray(results),
    result_error: phpArray(errors),
    result_total: phpArray(totals),
    result_next: phpArray(nexts),
    result_time: phpArray(times),
  }
}
