import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { BATCH_LIMIT, callBatch, callMethod, RestError } from '../../../bitrix24/rest.ts'
import { itemKey, markStateOf } from '../model/dialog.ts'
import { DialogGoneError, type MarkChange } from '../model/mark-change.ts'
import { layUnder, type Fact } from '../model/facts.ts'
import { recentKeys } from './keys.ts'
import { factOf } from './server-facts.ts'
import type { RecentItemPayload, RecentListPayload } from '../types/payload.ts'

/** What the app knows of a dialog on the server: the unread rule's two halves. */
export interface KnownState {
  markedUnread: boolean
  counter: number
}

interface Command {
  method: 'im.dialog.read' | 'im.recent.unread'
  params: Record<string, unknown>
}

/** A change and the REST commands that carry it out. */
export interface Plan {
  change: MarkChange
  commands: Command[]
}

/**
 * Dialog key → its state in the given items (a dialog on several pages: the first copy), with what
 * the server was heard to hold since each item's request left laid over it; only the dialogs in
 * `only`, when given.
 */
export function statesOf(
  items: readonly unknown[],
  only?: ReadonlySet<string>,
  factOf: (key: string) => Fact | undefined = () => undefined,
): Map<string, KnownState> {
  const states = new Map<string, KnownState>()
  for (const raw of items) {
    const key = itemKey(raw)
    if (key === null || (only && !only.has(key)) || states.has(key)) continue
    const item = raw as RecentItemPayload
    const state = layUnder(markStateOf(item), Number(item.seen_at) || 0, factOf(key))
    states.set(key, { markedUnread: state.markedUnread, counter: state.counter })
  }
  return states
}

/**
 * What every cached list knows of the dialogs in `only` (a click needs one, not the 20,000 a list
 * may hold), with what was learnt of the server since laid over it. Lists refreshed at different
 * moments may disagree; the state that needs more work wins, because an extra command is harmless
 * (both methods are idempotent) and a missing one leaves the dialog unread.
 */
export function cachedStates(
  queryClient: QueryClient,
  only: ReadonlySet<string>,
): Map<string, KnownState> {
  const states = new Map<string, KnownState>()
  const facts = (key: string) => factOf(queryClient, key)
  for (const [, data] of queryClient.getQueriesData<InfiniteData<RecentListPayload, number>>({
    queryKey: recentKeys.lists(),
  })) {
    for (const page of data?.pages ?? []) {
      const items = Array.isArray(page?.items) ? page.items : []
      for (const [key, state] of statesOf(items, only, facts)) {
        const known = states.get(key)
        states.set(
          key,
          known
            ? {
                markedUnread: known.markedUnread || state.markedUnread,
                counter: Math.max(known.counter, state.counter),
              }
            : state,
        )
      }
    }
  }
  return states
}

/**
 * The commands a change needs (docs/bitrix24-facts.md, "Reading a dialog"): unread is
 * im.recent.unread Y; read is im.dialog.read without MESSAGE_ID where messages are unread — every
 * message, also those that came after the list was loaded, and the comments of a channel — and
 * im.recent.unread N where the manual mark is set, as Bitrix24's own mobile messenger reads a
 * chat. A dialog the app knows nothing about gets both; one already read still gets N, so every
 * click reaches the server.
 */
export function planChange(change: MarkChange, state: KnownState | undefined): Plan {
  const { dialogId } = change
  const mark = (action: 'Y' | 'N'): Command => ({
    method: 'im.recent.unread',
    params: { DIALOG_ID: dialogId, ACTION: action },
  })
  if (change.unread) return { change, commands: [mark('Y')] }
  const commands: Command[] = []
  if (!state || state.counter > 0)
    commands.push({ method: 'im.dialog.read', params: { DIALOG_ID: dialogId } })
  if (!state || state.markedUnread || commands.length === 0) commands.push(mark('N'))
  return { change, commands }
}

/**
 * Packs plans into requests of at most 50 commands, a dialog's commands always together. Two-
 * command plans go first, 25 to a request, so every request but the last is full:
 * ⌈commands / 50⌉ requests.
 */
export function packPlans(plans: readonly Plan[], limit = BATCH_LIMIT): Plan[][] {
  const ordered = [
    ...plans.filter((plan) => plan.commands.length > 1),
    ...plans.filter((plan) => plan.commands.length <= 1),
  ]
  const packs: Plan[][] = []
  let current: Plan[] = []
  let size = 0
  for (const plan of ordered) {
    if (size + plan.commands.length > limit && current.length > 0) {
      packs.push(current)
      current = []
      size = 0
    }
    current.push(plan)
    size += plan.commands.length
  }
  if (current.length > 0) packs.push(current)
  return packs
}

export type PlanOutcome = { plan: Plan; error: Error | null }

const asError = (error: unknown) =>
  error instanceof Error ? error : new RestError('UNKNOWN_ERROR', 0, String(error))

/** Both methods answer `false` when the user has no such dialog; anything else is done. */
const answered = (result: unknown) => (result === false ? new DialogGoneError() : null)

/**
 * Sends one pack as one request — a plain call when it holds one command, else one `batch` —
 * and tells each plan's fate: done only when every one of its commands was.
 */
export async function sendPack(portal: Portal, pack: readonly Plan[]): Promise<PlanOutcome[]> {
  const commands = pack.flatMap((plan) => plan.commands)
  const only = commands.length === 1 ? commands[0] : undefined
  if (only) {
    const [plan] = pack as [Plan]
    try {
      return [
        { plan, error: answered(await callMethod<unknown>(portal, only.method, only.params)) },
      ]
    } catch (error) {
      return [{ plan, error: asError(error) }]
    }
  }
  let outcomes
  try {
    const named = Object.fromEntries(commands.map((command, index) => [`c${index}`, command]))
    outcomes = await callBatch<unknown>(portal, named)
  } catch (error) {
    return pack.map((plan) => ({ plan, error: asError(error) }))
  }
  let index = 0
  return pack.map((plan) => {
    let error: Error | null = null
    for (let i = 0; i < plan.commands.length; i++) {
      const outcome = outcomes.get(`c${index++}`)
      const failure = !outcome
        ? new DialogGoneError()
        : outcome.ok
          ? answered(outcome.result)
          : outcome.error
      error ??= failure
    }
    return { plan, error }
  })
}
