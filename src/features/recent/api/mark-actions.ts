import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { keyOf, nextWriteId, type MarkChange } from '../model/mark-change.ts'
import { markScope, recentKeys } from './keys.ts'
import type { BulkOptions, BulkOutcome, MarkListeners, MarkVariables } from './marks.ts'

type Marks = typeof import('./marks.ts')

/** One dialog, one click; many dialogs: batches with progress, cancel and each change's outcome. */
export interface MarkActions {
  markOne(change: MarkChange): void
  markMany(changes: MarkChange[], options?: BulkOptions): Promise<BulkOutcome>
  /** Loads the code that sends changes now; resolves once it is there. */
  preload(): Promise<unknown>
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)))

/**
 * The mark actions. The code that sends a change — the command planner, the batches, the
 * read-back (api/marks.ts) — is not needed to paint the list: it comes in its own chunk, loaded
 * after the first rows are on screen (`preload`) or at the first change asked for before that.
 * A click is a mutation at once, so its row changes in the same frame and its order among the
 * user's changes is kept; only its request waits for the code. If the code cannot be loaded,
 * the change is told as failed.
 */
export function createMarkActions(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
): MarkActions {
  let marks: Marks | null = null
  let loading: Promise<Marks> | null = null
  const load = () => {
    loading ??= import('./marks.ts').then(
      (module) => (marks = module),
      (error: unknown) => {
        loading = null // the next change tries again
        throw error
      },
    )
    return loading
  }

  return {
    preload: () => load().catch(() => {}),
    markOne(change) {
      const key = keyOf(change)
      let full: MutationOptions<void, Error, MarkVariables> | null = null
      // Called only once the code is there (the mutation function waited for it).
      const options = (loaded: Marks) =>
        (full ??= loaded.markOneOptions(portal, queryClient, listeners, key))
      const observer = new MutationObserver<void, Error, MarkVariables>(queryClient, {
        mutationKey: recentKeys.markOne(key),
        scope: { id: markScope(key) },
        mutationFn: async (variables, context) =>
          options(await load()).mutationFn?.(variables, context),
        onError: (error, variables, result, context) =>
          marks
            ? options(marks).onError?.(error, variables, result, context)
            : listeners.onFailed(change, error, undefined),
        onSettled: (data, error, variables, result, context) =>
          marks && options(marks).onSettled?.(data, error, variables, result, context),
      })
      // The outcome is read from the mutation cache (see usePendingMarks); nothing to await here.
      observer.mutate({ writeId: nextWriteId(queryClient), changes: [change] }).catch(() => {})
    },
    async markMany(changes, options) {
      try {
        return await (
          await load()
        ).markMany(portal, queryClient, listeners, { changes, ...options })
      } catch (error) {
        return {
          done: [],
          failed: changes.map((change) => ({ change, error: asError(error) })),
          cancelled: [],
        }
      }
    },
  }
}
