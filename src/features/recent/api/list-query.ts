import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../bitrix24/rest.ts'
import type { Portal } from '../../../bitrix24/connection.ts'
import { FILTER_PARAMS, type RecentFilter } from '../model/filters.ts'
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
    message: item.message && { text: item.message.text, date: item.message.date },
    counter: item.counter,
    pinned: item.pinned,
    unread: item.unread,
    date_last_activity: item.date_last_activity,
    chat: item.chat && { type: item.chat.type, mute_list: item.chat.mute_list },
    lines: item.lines && { id: item.lines.id },
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
  /** A list of its own beside the filter's, with more params (e.g. for the unread total). */
  variant?: { name: string; params: Record<string, 'Y'> },
) {
  const idle = () => queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) === 0
  // One portal per page load (the frame is the app's whole world), so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return infiniteQueryOptions({
    queryKey: recentKeys.list(variant ? `${filter}:${variant.name}` : filter),
    queryFn: async ({ pageParam }) => {
      const requestedAt = Date.now()
      const page = await callMethod<RecentListPayload>(portal, 'im.recent.list', {
        ...FILTER_PARAMS[filter],
        ...variant?.params,
        PARSE_TEXT: 'Y',
        OFFSET: pageParam,
        LIMIT: PAGE_SIZE,
      })
      const items = Array.isArray(page?.items) ? page.items.map(compact) : []
      const hasMore = (page?.hasMore ?? page?.hasMorePages) === true
      return withLaterConfirmations(queryClient, { items, hasMore }, requestedAt)
    },
    initialPageParam: 0,
    // The docs: raise OFFSET by LIMIT, not by the number of items (pages are collapsed server-side).
    getNextPageParam: (last, _pages, lastOffset) =>
      last.hasMore ? lastOffset + PAGE_SIZE : undefined,
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
    refetchInterval: () => (idle() ? REFRESH_INTERVAL_MS : false),
  })
}
