import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { perClient } from '../../../lib/per-client.ts'
import { applyMark } from '../model/dialog.ts'
import { recentKeys } from './keys.ts'
import type { MarkChange } from './commands.ts'
import type { RecentItemPayload, RecentListPayload } from './payload.ts'

/**
 * Changes the server has confirmed, with when. A list page that was requested before a
 * confirmation (a filter switch or a focus refetch racing a click) carries the older state; the
 * confirmations written after its request began are laid over it, so it cannot undo them.
 */
interface Confirmation {
  unread: boolean
  at: number
}

/** Long enough to outlive any request in flight (the SDK gives up after 30 s and a few retries). */
const KEEP_MS = 5 * 60_000

const logOf = perClient<string, Confirmation>()

export function itemKey(item: RecentItemPayload): string | null {
  // Hostile ids (objects whose toString is not a function) must not throw here.
  return typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : null
}

function markedItem(raw: unknown, unreadOf: (key: string) => boolean | undefined): unknown {
  if (typeof raw !== 'object' || raw === null) return raw
  const item = raw as RecentItemPayload
  const key = itemKey(item)
  const unread = key === null ? undefined : unreadOf(key)
  if (unread === undefined) return raw
  const marked = applyMark(
    { markedUnread: item.unread === true, counter: Number(item.counter) || 0 },
    unread,
  )
  return { ...item, unread: marked.markedUnread, counter: marked.counter }
}

/**
 * The page with the changes applied. A page none of them touches comes back as it was, so the
 * list redoes only the pages that changed, not all 20,000 dialogs for one click.
 */
function markPage(page: RecentListPayload, unreadOf: (key: string) => boolean | undefined) {
  if (!Array.isArray(page.items)) return page
  const items = page.items.map((raw) => markedItem(raw, unreadOf))
  return items.some((item, index) => item !== page.items?.[index]) ? { ...page, items } : page
}

/** Writes confirmed changes into every cached list, so rows keep them once the change is done. */
export function confirmInCache(queryClient: QueryClient, changes: readonly MarkChange[]) {
  if (changes.length === 0) return
  const now = Date.now()
  const log = logOf(queryClient)
  for (const [key, { at }] of log) if (now - at > KEEP_MS) log.delete(key)
  const byKey = new Map(changes.map((change) => [String(change.dialogId), change.unread]))
  for (const [key, unread] of byKey) log.set(key, { unread, at: now })
  queryClient.setQueriesData<InfiniteData<RecentListPayload, number>>(
    { queryKey: recentKeys.lists() },
    (data) =>
      data && { ...data, pages: data.pages.map((page) => markPage(page, (key) => byKey.get(key))) },
  )
}

/** Dialog key → the state confirmed for it since `at` (epoch ms). */
export function confirmedSince(queryClient: QueryClient, at: number): Map<string, boolean> {
  const changes = new Map<string, boolean>()
  for (const [key, confirmation] of logOf(queryClient))
    if (confirmation.at >= at) changes.set(key, confirmation.unread)
  return changes
}

/** A page fresh from the server, with the confirmations that happened while it was on its way. */
export function withLaterConfirmations(
  queryClient: QueryClient,
  page: RecentListPayload,
  requestedAt: number,
): RecentListPayload {
  const log = logOf(queryClient)
  return markPage(page, (key) => {
    const confirmation = log.get(key)
    return confirmation && confirmation.at >= requestedAt ? confirmation.unread : undefined
  })
}
