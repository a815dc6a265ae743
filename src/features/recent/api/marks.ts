import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { afterNextPaint } from '../../../lib/after-next-paint.ts'
import {
  cachedStates,
  keyOf,
  packPlans,
  planChange,
  sendPack,
  type KnownState,
  type MarkChange,
} from './commands.ts'
import { confirmInCache } from './confirmations.ts'
import { markScope, recentKeys } from './keys.ts'

export { keyOf, type MarkChange }

export interface MarkVariables {
  /** Increases with every change the user asks for: the order writes must reach the server in. */
  writeId: number
  changes: MarkChange[]
  /**
   * What the portal said of dialogs the lists may not hold (its counters), fresher than the
   * cached lists: it decides which commands each change needs.
   */
  known?: ReadonlyMap<string, KnownState>
  signal?: AbortSignal
  onProgress?: (settled: number, total: number) => void
}

export interface BulkOutcome {
  done: MarkChange[]
  failed: { change: MarkChange; error: Error }[]
  /** Not sent because the user cancelled. */
  cancelled: MarkChange[]
}

let lastWriteId = 0
export const nextWriteId = () => ++lastWriteId

function pendingEarlierWrite(queryClient: QueryClient, waiting: MarkVariables) {
  const keys = new Set(waiting.changes.map(keyOf))
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey: recentKeys.markMutations(), status: 'pending' })
    .some((mutation) => {
      const variables = mutation.state.variables as MarkVariables | undefined
      return (
        variables !== undefined &&
        variables.writeId < waiting.writeId &&
        variables.changes.some((change) => keys.has(keyOf(change)))
      )
    })
}

/**
 * Single clicks are ordered per dialog by their scope; a bulk change spans many dialogs, so writes
 * of the two kinds that touch the same dialog wait here for the ones asked for earlier.
 */
function afterEarlierWrites(queryClient: QueryClient, variables: MarkVariables): Promise<void> {
  if (!pendingEarlierWrite(queryClient, variables)) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = queryClient.getMutationCache().subscribe(() => {
      if (pendingEarlierWrite(queryClient, variables)) return
      unsubscribe()
      resolve()
    })
  })
}

/** Clients whose cached lists may no longer match the server: a change failed (half of a read may have happened). */
const unsure = new WeakSet<QueryClient>()

/**
 * Once the last change in flight settles, the portal's counters are read again (one request: the
 * badge), and the lists too if anything left them unsure.
 * A confirmed change is already in every cached list, so after a run of clicks that all went
 * through only the Unread filter's list is read again, the one whose membership a mark changes (at
 * 20,000 loaded dialogs, reading the others again would be dozens of requests).
 */
function refetchWhenLast(queryClient: QueryClient, sure: boolean) {
  if (!sure) unsure.add(queryClient)
  if (queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) !== 1) return
  const all = unsure.has(queryClient)
  unsure.delete(queryClient)
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: recentKeys.counters() }),
    queryClient.invalidateQueries({
      queryKey: all ? recentKeys.lists() : recentKeys.list('unread'),
    }),
  ])
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
      // The clicked row is painted in its new state before the request is built and sent.
      await afterNextPaint()
      await afterEarlierWrites(queryClient, variables)
      // Planned only now: the earlier changes to this dialog are confirmed in the cache by then.
      const states = cachedStates(queryClient, new Set(variables.changes.map(keyOf)))
      for (const change of variables.changes) {
        const [outcome] = await sendPack(portal, [planChange(change, states.get(keyOf(change)))])
        // Half of a read may have happened; the refetch after the last change shows which.
        if (outcome?.error) throw outcome.error
      }
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
    onSettled: (_result, error) => refetchWhenLast(queryClient, !error),
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
      const report = (changes: MarkChange[]) => {
        confirmInCache(queryClient, changes)
        onConfirmed(changes)
      }
      const { changes, known } = variables
      const states = new Map([
        ...cachedStates(queryClient, new Set(changes.map(keyOf))),
        ...(known ?? []),
      ])
      await sendInPacks(portal, changes, states, variables, outcome, report)
      return outcome
    },
    onMutate: () => queryClient.cancelQueries({ queryKey: recentKeys.lists() }),
    onSettled: (outcome, error) =>
      refetchWhenLast(queryClient, !error && outcome?.failed.length === 0),
  }
}

/** Sends the changes in packs of ≤ 50 commands, with progress and Cancel between packs. */
async function sendInPacks(
  portal: Portal,
  changes: MarkChange[],
  states: ReadonlyMap<string, KnownState>,
  { signal, onProgress }: MarkVariables,
  outcome: BulkOutcome,
  report: (done: MarkChange[]) => void,
) {
  const packs = packPlans(changes.map((change) => planChange(change, states.get(keyOf(change)))))
  let settled = 0
  for (const [index, pack] of packs.entries()) {
    if (signal?.aborted) {
      outcome.cancelled.push(...packs.slice(index).flatMap((p) => p.map(({ change }) => change)))
      break
    }
    const done: MarkChange[] = []
    for (const { plan, error } of await sendPack(portal, pack)) {
      if (error) outcome.failed.push({ change: plan.change, error })
      else done.push(plan.change)
    }
    outcome.done.push(...done)
    report(done)
    settled += pack.length
    onProgress?.(settled, changes.length)
  }
}

export interface MarkActions {
  /** One dialog, one click: its own request, in click order with the dialog's other changes. */
  markOne(change: MarkChange): void
  /** Many dialogs: batches of 50 commands, progress, cancel, and every change's own outcome. */
  markMany(changes: MarkChange[], options?: BulkOptions): Promise<BulkOutcome>
}

export interface BulkOptions {
  /** What the portal's counters say of dialogs the lists may not hold. */
  known?: ReadonlyMap<string, KnownState>
  signal?: AbortSignal
  onProgress?: (settled: number, total: number) => void
}

export function createMarkActions(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
): MarkActions {
  const bulk = (variables: Omit<MarkVariables, 'writeId'>) =>
    new MutationObserver(queryClient, markManyOptions(portal, queryClient, listeners)).mutate({
      writeId: nextWriteId(),
      ...variables,
    })
  return {
    markOne(change) {
      const observer = new MutationObserver(
        queryClient,
        markOneOptions(portal, queryClient, listeners, keyOf(change)),
      )
      // The outcome is read from the mutation cache (see usePendingMarks); nothing to await here.
      observer.mutate({ writeId: nextWriteId(), changes: [change] }).catch(() => {})
    },
    markMany: (changes, options = {}) => bulk({ changes, ...options }),
  }
}
