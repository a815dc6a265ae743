import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { recentListQueryOptions, REFRESH_INTERVAL_MS } from '../api/list-query.ts'
import { createEntryCollector, type ListEntry } from '../model/collect.ts'
import { layEntriesUnder, useLaidUnder } from './use-laid-under.ts'
import type { RecentFilter } from '../model/filters.ts'
import type { RecentListPayload } from '../types/payload.ts'

/**
 * "Everything matching" (a selection, Mark all in a filter) reads the list on to at most this many
 * dialogs: past it, each step is a request on the portal's rate limit for rows nobody sees.
 */
export const LOAD_ALL_LIMIT = 5_000

const loadedItems = (data: { pages: RecentListPayload[] } | undefined) =>
  (data?.pages ?? []).reduce((count, page) => count + (page.items?.length ?? 0), 0)

/**
 * The recent dialogs of one filter as list entries, with a way to load every remaining page.
 * `userId` (0 while unknown) marks the chats the user muted.
 *
 * Entries are collected here rather than in the query's `select`: react-query compares a new
 * `select` result with the last one item by item, which at 20,000 dialogs costs every page merge
 * the whole list, while the collector only looks at the pages that changed.
 */
export function useRecentList(filter: RecentFilter, userId: number) {
  const portal = usePortal()
  const queryClient = useQueryClient()
  const [collect] = useState(createEntryCollector)
  const query = useInfiniteQuery(recentListQueryOptions(portal, queryClient, filter))
  const { fetchNextPage, data } = query
  const entries = useLaidUnder(
    useMemo(() => (data ? collect(data.pages, userId) : undefined), [collect, data, userId]),
  )

  // A long list's periodic refresh reads its first page only (see FULL_REFRESH_PAGES); a failed
  // one leaves the rows as they are, like any background refresh.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return
      // Loaded when first needed, 30 s after the first screen.
      import('../api/head-refresh.ts')
        .then(({ refreshHead }) => refreshHead(portal, queryClient, filter))
        .catch(() => {})
    }, REFRESH_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [portal, queryClient, filter])

  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])

  /**
   * Pages until the portal says there is no more, or LOAD_ALL_LIMIT dialogs are loaded; resolves
   * with every entry and whether that was the whole list.
   */
  const loadAll = useCallback(async (): Promise<{ entries: ListEntry[]; complete: boolean }> => {
    let result = await fetchNextPage()
    while (result.hasNextPage && !result.isError && loadedItems(result.data) < LOAD_ALL_LIMIT)
      result = await fetchNextPage()
    if (result.isError) throw result.error
    return {
      entries: result.data ? layEntriesUnder(queryClient, collect(result.data.pages, userId)) : [],
      complete: !result.hasNextPage,
    }
  }, [fetchNextPage, collect, userId, queryClient])

  return { query, entries, loadMore, loadAll }
}
