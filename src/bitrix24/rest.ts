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
