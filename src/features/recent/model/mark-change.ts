import type { QueryClient } from '@tanstack/react-query'
import { perClient } from '../../../lib/per-client.ts'
import { dialogKey } from './dialog-key.ts'
import type { Fact } from './facts.ts'

/** One wish of the user for one dialog. */
export interface MarkChange {
  dialogId: number | string
  /** true → mark unread (the manual mark); false → mark read (messages and mark). */
  unread: boolean
}

export const keyOf = (change: MarkChange) => dialogKey(change.dialogId)

const lastWriteIdOf = perClient<'last', number>()
/**
 * Increases with every change the user asks for: the order writes must reach the server in. Kept
 * beside the QueryClient whose mutations carry it, like the rest of the marks' bookkeeping.
 */
export function nextWriteId(queryClient: QueryClient): number {
  const ids = lastWriteIdOf(queryClient)
  const next = (ids.get('last') ?? 0) + 1
  ids.set('last', next)
  return next
}

/** im.recent.unread or im.dialog.read answered `false`: the portal has no such dialog for this user. */
export class DialogGoneError extends Error {
  constructor() {
    super('The dialog no longer exists')
    this.name = 'DialogGoneError'
  }
}

/** A change that did not happen, and what the server holds instead (when it could be read). */
export class ChangeFailedError extends Error {
  override readonly cause: Error
  readonly truth: Fact | undefined
  constructor(cause: Error, truth?: Fact) {
    super(cause.message)
    this.name = cause.name
    this.cause = cause
    this.truth = truth
  }
}
