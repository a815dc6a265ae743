import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../bitrix24/connection.ts'
import { recentListQueryOptions } from '../features/recent/api/list-query.ts'
import type { RecentFilter } from '../features/recent/model/filters.ts'

/**
 * The recent list of `filter` loaded page by page to its end, as the screen's scroll would;
 * `between` runs before each page after the first (a reader's pause).
 */
export async function loadWholeList(
  portal: Portal,
  filter: RecentFilter = 'all',
  between: () => Promise<void> = async () => {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const observer = new InfiniteQueryObserver(
    queryClient,
    recentListQueryOptions(portal, queryClient, filter),
  )
  await observer.refetch()
  let result = observer.getCurrentResult()
  while (result.hasNextPage) {
    await between()
    result = await observer.fetchNextPage()
  }
  return { queryClient, pages: result.data?.pages ?? [] }
}
