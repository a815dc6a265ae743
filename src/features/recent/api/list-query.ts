import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query'
import { callBatch, callMethod, RestError } from '../../../bitrix24/rest.ts'
import type { Portal } from '../../../bitrix24/connection.ts'
import { isPlaceholder } from '../model/dialog.ts'
import { FILTER_PARAMS, matchesFilter, type RecentFilter } from '../model/filters.ts'
import { withLaterConfirmations } from './confirmations.ts'
import { recentKeys } from './keys.ts'
import type { RecentItemPayload, RecentListPayload } from './payload.ts'

/** im.recent.list's maximum page: fewer round trips and fewer hits on the portal's rate limit. */
export const PAGE_SIZE = 200

/** How often the list is refreshed while the app is visible. */
export const REFRESH_INTERVAL_MS = 30_000

/**
 * Keeps only what the list shows of an item: at 20,000 dialogs the full payload (user and chat
 * objects, permissions…) would hold tens of megabytes for nothing.
 */
function compact(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw
  const item = raw as RecentItemPayload
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    avatar: item.avatar && { url: item.avatar.url, color: item.avatar.color },
    // The message id is what "Mark as read" reads up to: the last message the user could see.
    message: item.message && {
      id: item.message.id,
      text: item.message.text,
      date: item.message.date,
    },
    counter: item.counter,
    pinned: item.pinned,
    unread: item.unread,
    date_last_activity: item.date_last_activity,
    chat: item.chat && { type: item.chat.type, mute_list: item.chat.mute_list },
    lines: item.lines && { id: item.lines.id },
  }
}

/**
 * Whether an item goes into the list at all. Colleague placeholders are left out: they are not
 * dialogs yet (no messages, nothing unread) and the portal refuses a mark on them, while this
 * list is about unread state — the messenger itself shows them only to fill a new user's empty
 * list. Items that cannot be read at all still pass, to be shown as broken rows.
 */
function belongs(raw: unknown, filter: RecentFilter): boolean {
  if (typeof raw !== 'object' || raw === null) return true
  const item = raw as RecentItemPayload
  return !isPlaceholder(item) && matchesFilter(item, filter)
}

/**
 * Open-line sessions waiting in a queue the user serves come with every im.recent.list page,
 * whatever OFFSET says, unless SKIP_UNDISTRIBUTED_OPENLINES=Y (PROTOCOL.md §4) — and nothing in
 * an item tells them apart from the user's own sessions. So pages are asked for without them, and
 * the first page's request also asks, in the same `batch`, for a page past the end: what that
 * holds is exactly the queue. The user sees each waiting session once, as waiting.
 */
const QUEUE_PARAMS = { SKIP_DIALOG: 'Y', SKIP_CHAT: 'Y', OFFSET: 1_000_000_000, LIMIT: 1 }
const WITH_QUEUE: ReadonlySet<RecentFilter> = new Set(['all', 'unread', 'openlines'])

function itemsOf(page: RecentListPayload | undefined, filter: RecentFilter): unknown[] {
  return Array.isArray(page?.items)
    ? page.items.filter((raw) => belongs(raw, filter)).map(compact)
    : []
}

async function askPage(
  portal: Portal,
  params: Record<string, unknown>,
  withQueue: boolean,
): Promise<{ page: RecentListPayload | undefined; queue?: RecentListPayload }> {
  if (!withQueue)
    return { page: await callMethod<RecentListPayload>(portal, 'im.recent.list', params) }
  const answers = await callBatch<RecentListPayload>(portal, {
    page: { method: 'im.recent.list', params },
    queue: {
      method: 'im.recent.list',
      params: { ...params, ...QUEUE_PARAMS, SKIP_UNDISTRIBUTED_OPENLINES: 'N' },
    },
  })
  const [page, queue] = ['page', 'queue'].map((key) => {
    const answer = answers.get(key)
    if (!answer?.ok) throw answer?.error ?? new RestError('ERROR_BATCH_NO_ANSWER', 0, key)
    return answer.result
  })
  return { page, queue }
}

/**
 * One page of the recent list for a filter, trimmed to what the list shows, with the changes
 * confirmed while it was on its way laid over it; the first one also carries the queue.
 */
export async function fetchRecentPage(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
  offset: number,
): Promise<RecentListPayload> {
  const requestedAt = Date.now()
  const params = {
    ...FILTER_PARAMS[filter],
    PARSE_TEXT: 'Y',
    SKIP_UNDISTRIBUTED_OPENLINES: 'Y',
    OFFSET: offset,
    LIMIT: PAGE_SIZE,
  }
  const { page, queue } = await askPage(portal, params, offset === 0 && WITH_QUEUE.has(filter))
  const hasMore = (page?.hasMore ?? page?.hasMorePages) === true
  return withLaterConfirmations(
    queryClient,
    { items: itemsOf(page, filter), hasMore, ...(queue && { queued: itemsOf(queue, filter) }) },
    requestedAt,
  )
}

/** Every page of a filter, straight from the portal (the cache is left alone). */
export async function fetchEveryPage(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
): Promise<RecentListPayload[]> {
  const pages: RecentListPayload[] = []
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await fetchRecentPage(portal, queryClient, filter, offset)
    pages.push(page)
    if (!page.hasMore) return pages
  }
}

/**
 * The recent list for one filter, page by page. Background refreshes wait while a mark change is
 * in flight: an answer computed before the change reached the server would flip the row back.
 */
export function recentListQueryOptions(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
) {
  const idle = () => queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) === 0
  // One portal per page load (the frame is the app's whole world), so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return infiniteQueryOptions({
    queryKey: recentKeys.list(filter),
    queryFn: ({ pageParam }) => fetchRecentPage(portal, queryClient, filter, pageParam),
    initialPageParam: 0,
    // The docs: raise OFFSET by LIMIT, not by the number of items (pages are collapsed server-side).
    getNextPageParam: (last, _pages, lastOffset) =>
      last.hasMore ? lastOffset + PAGE_SIZE : undefined,
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
    refetchInterval: () => (idle() ? REFRESH_INTERVAL_MS : false),
  })
}
