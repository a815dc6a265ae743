import type { TextKey } from '../../../i18n/catalog.ts'
import type { Translator } from '../../../i18n/translator.ts'
import { DialogGoneError } from './mark-change.ts'

export interface FailureReason {
  key: TextKey
  code?: string
}

const NETWORK_CODES = new Set(['NETWORK_ERROR', 'REQUEST_TIMEOUT', 'ERR_NETWORK', 'ECONNABORTED'])
const ACCESS_CODES = new Set(['insufficient_scope', 'user_access_error', 'ACCESS_DENIED'])

/**
 * Whether a failed write may still have happened: its answer was lost or timed out, or the server
 * failed midway (5xx) — as opposed to a refusal (4xx) or "no such dialog", which changed nothing.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof DialogGoneError) return false
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown }
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
  return typeof status !== 'number' || status === 0 || status >= 500
}

/** Says in plain words why a change did not reach the server. */
export function failureReason(error: unknown): FailureReason {
  if (error instanceof DialogGoneError) return { key: 'reasonGone' }
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown }
  if (code === 'DIALOG_ID_EMPTY') return { key: 'reasonBadId' }
  if (typeof code === 'string' && ACCESS_CODES.has(code)) return { key: 'reasonAccess' }
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || status === 0)
    return { key: 'reasonOffline' }
  return { key: 'reasonServer', code: typeof code === 'string' ? code : 'UNKNOWN_ERROR' }
}

/** The reason as a sentence in the user's language. */
export function describeFailure(t: Translator['t'], error: unknown): string {
  const reason = failureReason(error)
  return t(reason.key, { code: reason.code ?? '' })
}
