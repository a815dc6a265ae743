import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { recentListQueryOptions, REFRESH_INTERVAL_MS } from '../api/list-query.ts'
import { createEntryCollector, type ListEntry } from '../model/collect.ts'
import type { RecentFilter } from '../model/filters.ts'

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
  const entries = useMemo(
    () => (data ? collect(data.pages, userId) : undefined),
    [collect, data, userId],
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

  /** Pages until the portal says there is no more; resolves with every entry. */
  const loadAll = useCallback(async (): Promise<ListEntry[]> => {
    let result = await fetchNextPage()
    while (result.hasNextPage && !result.isError) result = await fetchNextPage()
    return result.data ? collect(result.data.pages, userId) : []
  }, [fetchNextPage, collect, userId])

  return { query, entries, loadMore, loadAll }
}
