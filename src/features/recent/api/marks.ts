import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { BATCH_LIMIT, callBatch, callMethod, RestError } from '../../../bitrix24/rest.ts'
import type { DialogId } from '../model/dialog.ts'
import { confirmInCache } from './confirmations.ts'
import { markScope, recentKeys } from './keys.ts'

export interface MarkChange {
  dialogId: DialogId
  /** true → set the manual unread mark (ACTION Y); false → mark read (ACTION N). */
  unread: boolean
}

export interface MarkVariables {
  /** Increases with every change the user asks for: the order writes must reach the server in. */
  writeId: number
  changes: MarkChange[]
  signal?: AbortSignal
  onProgress?: (settled: number, total: number) => void
}

export interface BulkOutcome {
  done: MarkChange[]
  failed: { change: MarkChange; error: Error }[]
  /** Not sent because the user cancelled. */
  cancelled: MarkChange[]
}

/** im.recent.unread answered `result: false`: the portal has no such dialog for this user. */
export class DialogGoneError extends Error {
  constructor() {
    super('The dialog no longer exists')
    this.name = 'DialogGoneError'
  }
}

let lastWriteId = 0
export const nextWriteId = () => ++lastWriteId

export const keyOf = (change: MarkChange) => String(change.dialogId)

const unreadParams = ({ dialogId, unread }: MarkChange) => ({
  DIALOG_ID: dialogId,
  ACTION: unread ? 'Y' : 'N',
})

function pendingEarlierWrite(queryClient: QueryClient, keys: ReadonlySet<string>, writeId: number) {
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey: recentKeys.markMutations(), status: 'pending' })
    .some((mutation) => {
      const variables = mutation.state.variables as MarkVariables | undefined
      return (
        variables !== undefined &&
        variables.writeId < writeId &&
        variables.changes.some((change) => keys.has(keyOf(change)))
      )
    })
}

/**
 * Single clicks are ordered per dialog by their scope; a bulk change spans many dialogs, so writes
 * of the two kinds that touch the same dialog wait here for the ones asked for earlier.
 */
function afterEarlierWrites(queryClient: QueryClient, variables: MarkVariables): Promise<void> {
  const keys = new Set(variables.changes.map(keyOf))
  if (!pendingEarlierWrite(queryClient, keys, variables.writeId)) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = queryClient.getMutationCache().subscribe(() => {
      if (pendingEarlierWrite(queryClient, keys, variables.writeId)) return
      unsubscribe()
      resolve()
    })
  })
}

/** Refetch once, when the last change in flight settles — not after each click. */
function refetchWhenLast(queryClient: QueryClient) {
  if (queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) === 1) {
    return queryClient.invalidateQueries({ queryKey: recentKeys.lists() })
  }
}

async function sendOne(portal: Portal, change: MarkChange): Promise<void> {
  const done = await callMethod<boolean>(portal, 'im.recent.unread', unreadParams(change))
  if (done !== true) throw new DialogGoneError()
}

/** What the screen hears about: confirmed changes (told to other tabs), failed single clicks. */
export interface MarkListeners {
  onConfirmed(changes: MarkChange[]): void
  /** A single change did not happen — told even when its row is scrolled or filtered away. */
  onFailed(change: MarkChange, error: Error): void
}

function markOneOptions(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
  dialogKey: string,
): MutationOptions<void, Error, MarkVariables> {
  return {
    mutationKey: recentKeys.markOne(dialogKey),
    scope: { id: markScope(dialogKey) },
    mutationFn: async (variables) => {
      await afterEarlierWrites(queryClient, variables)
      for (const change of variables.changes) await sendOne(portal, change)
    },
    // A list refetch already on its way may carry the state from before this click.
    onMutate: () => queryClient.cancelQueries({ queryKey: recentKeys.lists() }),
    onSuccess: (_result, { changes }) => {
      confirmInCache(queryClient, changes)
      listeners.onConfirmed(changes)
    },
    onError: (error, { changes }) => {
      for (const change of changes) listeners.onFailed(change, error)
    },
    onSettled: () => refetchWhenLast(queryClient),
  }
}

function markManyOptions(
  portal: Portal,
  queryClient: QueryClient,
  { onConfirmed }: MarkListeners,
): MutationOptions<BulkOutcome, Error, MarkVariables> {
  return {
    mutationKey: recentKeys.markMany(),
    scope: { id: 'recent-mark-many' },
    mutationFn: async (variables) => {
      await afterEarlierWrites(queryClient, variables)
      const outcome: BulkOutcome = { done: [], failed: [], cancelled: [] }
      const { changes, signal, onProgress } = variables
      // One change is one plain call: a batch would only add weight.
      const size = changes.length === 1 ? 1 : BATCH_LIMIT
      for (let start = 0; start < changes.length; start += size) {
        const chunk = changes.slice(start, start + size)
        if (signal?.aborted) {
          outcome.cancelled.push(...changes.slice(start))
          break
        }
        const done = await sendChunk(portal, chunk, outcome)
        confirmInCache(queryClient, done)
        onConfirmed(done)
        onProgress?.(start + chunk.length, changes.length)
      }
      return outcome
    },
    onMutate: () => queryClient.cancelQueries({ queryKey: recentKeys.lists() }),
    onSettled: () => refetchWhenLast(queryClient),
  }
}

/** Sends one chunk (≤ 50) as one request; records each change's own fate; returns the done ones. */
async function sendChunk(portal: Portal, chunk: MarkChange[], outcome: BulkOutcome) {
  const done: MarkChange[] = []
  const fail = (change: MarkChange, error: unknown) =>
    outcome.failed.push({
      change,
      error: error instanceof Error ? error : new RestError('UNKNOWN_ERROR', 0, String(error)),
    })
  if (chunk.length === 1) {
    const [change] = chunk as [MarkChange]
    try {
      await sendOne(portal, change)
      done.push(change)
    } catch (error) {
      fail(change, error)
    }
  } else {
    try {
      const commands = Object.fromEntries(
        chunk.map((change) => [
          keyOf(change),
          { method: 'im.recent.unread', params: unreadParams(change) },
        ]),
      )
      const outcomes = await callBatch<boolean>(portal, commands)
      for (const change of chunk) {
        const result = outcomes.get(keyOf(change))
        if (result?.ok && result.result === true) done.push(change)
        else fail(change, result?.ok === false ? result.error : new DialogGoneError())
      }
    } catch (error) {
      for (const change of chunk) fail(change, error)
    }
  }
  outcome.done.push(...done)
  return done
}

export interface MarkActions {
  /** One dialog, one click: its own request, in click order with the dialog's other changes. */
  markOne(change: MarkChange): void
  /** Many dialogs: batches of 50 commands, progress, cancel, and every change's own outcome. */
  markMany(
    changes: MarkChange[],
    options?: { signal?: AbortSignal; onProgress?: (settled: number, total: number) => void },
  ): Promise<BulkOutcome>
}

export function createMarkActions(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
): MarkActions {
  return {
    markOne(change) {
      const observer = new MutationObserver(
        queryClient,
        markOneOptions(portal, queryClient, listeners, keyOf(change)),
      )
      // The outcome is read from the mutation cache (see usePendingMarks); nothing to await here.
      observer.mutate({ writeId: nextWriteId(), changes: [change] }).catch(() => {})
    },
    markMany(changes, options = {}) {
      const observer = new MutationObserver(
        queryClient,
        markManyOptions(portal, queryClient, listeners),
      )
      return observer.mutate({ writeId: nextWriteId(), changes, ...options })
    },
  }
}
