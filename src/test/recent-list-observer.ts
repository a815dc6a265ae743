import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../bitrix24/connection.ts'
import { recentListQueryOptions } from '../features/recent/api/list-query.ts'
import type { RecentFilter } from '../features/recent/model/filters.ts'

/** The recent list of `filter` loaded page by page to its end, as the screen's scroll would. */
export async function loadWholeList(portal: Portal, filter: RecentFilter = 'all') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const observer = new InfiniteQueryObserver(
    queryClient,
    recentListQueryOptions(portal, queryClient, filter),
  )
  await observer.refetch()
  let result = observer.getCurrentResult()
  while (result.hasNextPage) result = await observer.fetchNextPage()
  return { queryClient, pages: result.data?.pages ?? [] }
}
