import type { Portal } from './connection.ts'

/** A REST failure in the portal's own terms: the error code, HTTP status and its text. */
export class RestError extends Error {
  readonly code: string
  readonly status: number
  constructor(code: string, status: number, description: string) {
    super(description || code)
    this.name = 'RestError'
    this.code = code
    this.status = status
  }
}

type RestParams = Record<string, unknown>

/** One command of a `batch`: a REST method and its parameters. */
export type RestCommand = { method: string; params: RestParams }

function toRestError(error: unknown): RestError {
  if (error instanceof RestError) return error
  const e = error as { code?: unknown; status?: unknown; message?: unknown } | null
  return new RestError(
    typeof e?.code === 'string' ? e.code : 'UNKNOWN_ERROR',
    typeof e?.status === 'number' ? e.status : 0,
    typeof e?.message === 'string' ? e.message : String(error),
  )
}

/**
 * Calls one REST method through the SDK (which owns auth refresh, rate limiting and retries)
 * and returns its `result`. Every failure — thrown or soft — comes out as a RestError.
 */
export async function callMethod<T>(
  portal: Portal,
  method: string,
  params: RestParams = {},
): Promise<T> {
  let response
  try {
    response = await portal.actions.v2.call.make<T>({ method, params })
  } catch (error) {
    throw toRestError(error)
  }
  const data = response.getData()
  if (!response.isSuccess || data === undefined) {
    const [first] = [...response.getErrors()]
    throw toRestError(first ?? new Error(`${method} failed`))
  }
  return data.result
}

/** At most this many commands fit in one `batch` request (the portal refuses the rest). */
export const BATCH_LIMIT = 50

export type BatchOutcome<T> = { ok: true; result: T } | { ok: false; error: RestError }

/**
 * Runs up to 50 named commands as one `batch` HTTP request (one hit on the rate limit) without
 * halting on errors, and returns every command's own outcome. A failure of the request itself
 * (network, auth, limit after retries) throws a RestError.
 */
export async function callBatch<T>(
  portal: Portal,
  commands: Record<string, RestCommand>,
): Promise<Map<string, BatchOutcome<T>>> {
  const calls: Record<string, [string, RestParams]> = Object.fromEntries(
    Object.entries(commands).map(([key, { method, params }]) => [key, [method, params]]),
  )
  let response
  try {
    response = await portal.actions.v2.batch.make<T>({
      calls,
      options: { isHaltOnError: false, returnAjaxResult: true },
    })
  } catch (error) {
    throw toRestError(error)
  }
  const answers = (response.getData() ?? {}) as Record<
    string,
    { isSuccess: boolean; getData(): { result: T } | undefined; getErrors(): Iterable<unknown> }
  >
  const outcomes = new Map<string, BatchOutcome<T>>()
  for (const key of Object.keys(commands)) {
    const answer = answers[key]
    const data = answer?.isSuccess ? answer.getData() : undefined
    if (answer && data) {
      outcomes.set(key, { ok: true, result: data.result })
    } else {
      const [first] = answer ? [...answer.getErrors()] : []
      outcomes.set(key, {
        ok: false,
        error: toRestError(
          first ?? new RestError('ERROR_BATCH_NO_ANSWER', 0, 'No answer for this command'),
        ),
      })
    }
  }
  return outcomes
}

/** One command's result out of callBatch's outcomes; its failure is thrown. */
export function resultOf<T>(outcomes: Map<string, BatchOutcome<unknown>>, key: string): T {
  const outcome = outcomes.get(key)
  if (!outcome?.ok) throw outcome?.error ?? new RestError('ERROR_BATCH_NO_ANSWER', 0, key)
  return outcome.result as T
}
