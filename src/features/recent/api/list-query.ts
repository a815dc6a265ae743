import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query'
import { callBatch, callMethod } from '../../../bitrix24/rest.ts'
import type { Portal } from '../../../bitrix24/connection.ts'
import { FILTER_PARAMS, type RecentFilter } from '../model/filters.ts'
import { withLaterConfirmations } from './confirmations.ts'
import { recentKeys } from './keys.ts'
import type { RecentItemPayload, RecentListPayload } from './payload.ts'

/** im.recent.list's maximum page: fewer round trips and fewer hits on the portal's rate limit. */
export const PAGE_SIZE = 200

/**
 * Pages after the first travel this many at a time, as im.recent.list commands of one `batch`
 * request: 20,000 dialogs cost 21 requests instead of 101, which the portal's rate limit (a burst
 * of 50, then 2/s) lets through at once. Five pages (about 1.8 MB of items) keep the answer small
 * enough to parse without stalling the list.
 */
export const PAGES_PER_BATCH = 5

/** The offset after a list page: the first page is one im.recent.list call, later ones a batch. */
export const nextOffset = (offset: number) =>
  offset === 0 ? PAGE_SIZE : offset + PAGE_SIZE * PAGES_PER_BATCH

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

const hasMoreAfter = (page: RecentListPayload | undefined) =>
  (page?.hasMore ?? page?.hasMorePages) === true

/**
 * PAGES_PER_BATCH pages from `offset` in one `batch` request, up to the first that says there is
 * no more (the ones after it are past the end). The docs: OFFSET grows by LIMIT, not by the
 * number of items (pages are collapsed server-side).
 */
async function fetchPages(
  portal: Portal,
  offset: number,
  params: (offset: number) => Record<string, unknown>,
): Promise<RecentListPayload[]> {
  const commands = Object.fromEntries(
    Array.from({ length: PAGES_PER_BATCH }, (_, index) => [
      `page${index}`,
      { method: 'im.recent.list', params: params(offset + index * PAGE_SIZE) },
    ]),
  )
  const outcomes = await callBatch<RecentListPayload>(portal, commands)
  const pages: RecentListPayload[] = []
  for (const key of Object.keys(commands)) {
    const outcome = outcomes.get(key)
    if (!outcome) break
    if (!outcome.ok) throw outcome.error
    pages.push(outcome.result)
    if (!hasMoreAfter(outcome.result)) break
  }
  return pages
}

/** The portal's pages as one list page: their items, trimmed, and whether more follow. */
function joinPages(pages: readonly RecentListPayload[]): RecentListPayload {
  const items = pages.flatMap((page) => (Array.isArray(page?.items) ? page.items.map(compact) : []))
  return { items, hasMore: hasMoreAfter(pages.at(-1)) }
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
      const params = (offset: number) => ({
        ...FILTER_PARAMS[filter],
        ...variant?.params,
        PARSE_TEXT: 'Y',
        OFFSET: offset,
        LIMIT: PAGE_SIZE,
      })
      // The first page alone: the first screen waits for one small answer.
      const pages =
        pageParam === 0
          ? [await callMethod<RecentListPayload>(portal, 'im.recent.list', params(0))]
          : await fetchPages(portal, pageParam, params)
      return withLaterConfirmations(queryClient, joinPages(pages), requestedAt)
    },
    initialPageParam: 0,
    getNextPageParam: (last, _pages, lastOffset) =>
      last.hasMore ? nextOffset(lastOffset) : undefined,
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
    refetchInterval: () => (idle() ? REFRESH_INTERVAL_MS : false),
  })
}
