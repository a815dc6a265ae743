import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query'
import { callMethod } from '../../../bitrix24/rest.ts'
import type { Portal } from '../../../bitrix24/connection.ts'
import { recentKeys } from './keys.ts'
import type { RecentListPayload } from './payload.ts'

/** im.recent.list's maximum page: fewer round trips and fewer hits on the portal's rate limit. */
export const PAGE_SIZE = 200

/** How often the list is refreshed while the app is visible. */
export const REFRESH_INTERVAL_MS = 30_000

/**
 * The recent list, page by page. Background refreshes wait while a mark change is in flight:
 * an answer computed before the change reached the server would flip the row back.
 */
export function recentListQueryOptions(portal: Portal, queryClient: QueryClient) {
  const idle = () => queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) === 0
  // One portal per page load (the frame is the app's whole world), so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return infiniteQueryOptions({
    queryKey: recentKeys.list(),
    queryFn: ({ pageParam, signal }) => {
      signal.throwIfAborted()
      return callMethod<RecentListPayload>(portal, 'im.recent.list', {
        PARSE_TEXT: 'Y',
        OFFSET: pageParam,
        LIMIT: PAGE_SIZE,
      })
    },
    initialPageParam: 0,
    // The docs: raise OFFSET by LIMIT, not by the number of items (pages are collapsed server-side).
    getNextPageParam: (last, _pages, lastOffset) =>
      (last.hasMore ?? last.hasMorePages) === true ? lastOffset + PAGE_SIZE : undefined,
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
    refetchInterval: () => (idle() ? REFRESH_INTERVAL_MS : false),
  })
}
