import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { afterNextPaint } from '../../../lib/after-next-paint.ts'
import { ChangeFailedError, keyOf, nextWriteId, type MarkChange } from '../model/mark-change.ts'
import { cachedStates, packPlans, planChange, sendPack, type KnownState } from './commands.ts'
import { factOfChange, isUnreadFact, type Fact } from '../model/facts.ts'
import { isOutcomeUnknown } from '../model/failure-reason.ts'
import { markScope, recentKeys } from './keys.ts'
import { factFrom, fetchPortalUnread } from './portal-unread.ts'
import { learn } from './server-facts.ts'

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
  /** With what the server holds instead, when it could be read back. */
  failed: { change: MarkChange; error: Error; truth?: Fact }[]
  /** Not sent because the user cancelled. */
  cancelled: MarkChange[]
}

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
 * The change is not held for these reads: its row and its message are done once the server has
 * answered, even while a rate-limited portal keeps the badge's read waiting for seconds.
 */
function refetchWhenLast(queryClient: QueryClient, sure: boolean): void {
  if (!sure) unsure.add(queryClient)
  if (queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) !== 1) return
  const all = unsure.has(queryClient)
  unsure.delete(queryClient)
  void queryClient.invalidateQueries({ queryKey: recentKeys.counters() })
  void queryClient.invalidateQueries({
    queryKey: all ? recentKeys.lists() : recentKeys.list('unread'),
  })
}

/** What the screen hears about: what was learnt of the server (told to other tabs), failures. */
export interface MarkListeners {
  /** Facts learnt from the server's answers or read-backs. */
  onLearnt(facts: [string, Fact][]): void
  /**
   * A single change did not happen — told even when its row is scrolled or filtered away, with
   * what the server holds instead when that could be read back.
   */
  onFailed(change: MarkChange, error: Error, truth: Fact | undefined): void
}

/**
 * After a failure whose outcome is unknown (the answer was lost, timed out, or the server failed
 * midway), what the server holds of the changes' dialogs, read back in one request — learnt and
 * told before anything is said. Null when the failure needs no read-back or the read-back failed.
 */
async function readBack(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
  failed: readonly { change: MarkChange; error: Error }[],
): Promise<Map<string, Fact> | null> {
  if (!failed.some(({ error }) => isOutcomeUnknown(error))) return null
  let unread
  try {
    unread = await fetchPortalUnread(portal, queryClient)
  } catch {
    return null
  }
  const facts = failed.map(({ change }): [string, Fact] => [
    keyOf(change),
    factFrom(unread, keyOf(change)),
  ])
  learn(queryClient, facts)
  listeners.onLearnt(facts)
  return new Map(facts)
}

/** Whether the server holds what the change asked for. */
const holds = (change: MarkChange, truth: Fact | undefined) =>
  truth !== undefined && isUnreadFact(truth) === change.unread

/** Facts of changes the server confirmed now, learnt and told. */
function confirm(queryClient: QueryClient, listeners: MarkListeners, changes: MarkChange[]) {
  if (changes.length === 0) return
  const at = Date.now()
  const facts = changes.map((change): [string, Fact] => [
    keyOf(change),
    factOfChange(change.unread, at),
  ])
  learn(queryClient, facts)
  listeners.onLearnt(facts)
}

export function markOneOptions(
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
      // Planned only now: what the earlier changes to this dialog did is known by then.
      const states = cachedStates(queryClient, new Set(variables.changes.map(keyOf)))
      for (const change of variables.changes) {
        const [outcome] = await sendPack(portal, [planChange(change, states.get(keyOf(change)))])
        if (!outcome?.error) {
          confirm(queryClient, listeners, [change])
          continue
        }
        const failure = { change, error: outcome.error }
        const truth = (await readBack(portal, queryClient, listeners, [failure]))?.get(
          keyOf(change),
        )
        // The answer was lost, but the change happened.
        if (holds(change, truth)) continue
        throw truth ? new ChangeFailedError(outcome.error, truth) : outcome.error
      }
    },
    onError: (error, { changes }) => {
      const truth = error instanceof ChangeFailedError ? error.truth : undefined
      const cause = error instanceof ChangeFailedError ? error.cause : error
      for (const change of changes) listeners.onFailed(change, cause, truth)
    },
    onSettled: (_result, error) => {
      refetchWhenLast(queryClient, !error)
    },
  }
}

function markManyOptions(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
): MutationOptions<BulkOutcome, Error, MarkVariables> {
  return {
    mutationKey: recentKeys.markMany(),
    scope: { id: 'recent-mark-many' },
    mutationFn: async (variables) => {
      await afterEarlierWrites(queryClient, variables)
      const outcome: BulkOutcome = { done: [], failed: [], cancelled: [] }
      const report = (changes: MarkChange[]) => confirm(queryClient, listeners, changes)
      const { changes, known } = variables
      const states = new Map([
        ...cachedStates(queryClient, new Set(changes.map(keyOf))),
        ...(known ?? []),
      ])
      await sendInPacks(portal, changes, states, variables, outcome, report)
      const truths = await readBack(portal, queryClient, listeners, outcome.failed)
      if (truths) {
        // Changes whose answer was lost but which happened are done; the others say what is true.
        const happened = outcome.failed.filter(({ change }) =>
          holds(change, truths.get(keyOf(change))),
        )
        outcome.done.push(...happened.map(({ change }) => change))
        outcome.failed = outcome.failed
          .filter((failure) => !happened.includes(failure))
          .map((failure) => ({ ...failure, truth: truths.get(keyOf(failure.change)) }))
      }
      return outcome
    },
    onSettled: (outcome, error) => {
      refetchWhenLast(queryClient, !error && outcome?.failed.length === 0)
    },
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

export interface BulkOptions {
  /** What the portal's counters say of dialogs the lists may not hold. */
  known?: ReadonlyMap<string, KnownState>
  signal?: AbortSignal
  onProgress?: (settled: number, total: number) => void
}

/** Many dialogs at once: see MarkActions.markMany. */
export function markMany(
  portal: Portal,
  queryClient: QueryClient,
  listeners: MarkListeners,
  variables: Omit<MarkVariables, 'writeId'>,
): Promise<BulkOutcome> {
  return new MutationObserver(queryClient, markManyOptions(portal, queryClient, listeners)).mutate({
    writeId: nextWriteId(queryClient),
    ...variables,
  })
}
