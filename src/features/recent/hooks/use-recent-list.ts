import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useCallback } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { recentListQueryOptions } from '../api/list-query.ts'
import type { RecentListPayload } from '../api/payload.ts'
import { collectEntries, type ListEntry } from '../model/collect.ts'
import type { RecentFilter } from '../model/filters.ts'

/**
 * The recent dialogs of one filter as list entries, with a way to load every remaining page.
 * `userId` (0 while unknown) marks the chats the user muted.
 */
export function useRecentList(filter: RecentFilter, userId: number) {
  const portal = usePortal()
  const queryClient = useQueryClient()
  const selectEntries = useCallback(
    (data: InfiniteData<RecentListPayload, number>): ListEntry[] =>
      collectEntries(data.pages, userId),
    [userId],
  )
  const query = useInfiniteQuery({
    ...recentListQueryOptions(portal, queryClient, filter),
    select: selectEntries,
  })
  const { fetchNextPage } = query

  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])

  /** Pages until the portal says there is no more; resolves with every entry. */
  const loadAll = useCallback(async (): Promise<ListEntry[]> => {
    let result = await fetchNextPage()
    while (result.hasNextPage && !result.isError) result = await fetchNextPage()
    return result.data ?? []
  }, [fetchNextPage])

  return { query, loadMore, loadAll }
}
