import type { QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch, resultOf } from '../../../bitrix24/rest.ts'
import { readUserOption } from '../../../bitrix24/user-options.ts'
import { FILTER_SETTING, isRecentFilter } from '../model/filters.ts'
import { COUNTERS_COMMAND, countersQueryOptions, countersSnapshot } from './counters.ts'
import { currentUserQueryOptions, PROFILE_COMMAND, readProfileId } from './current-user.ts'
import { fetchRecentPage, firstPageCommands, recentListQueryOptions } from './list-query.ts'

/**
 * Asks for the first screen as soon as the portal has answered getInitData — while React is still
 * rendering its way down to the list — so it waits for one round trip, not two. One `batch` asks
 * for all of it: the list's first page (and the queue), the messenger's counters (the unread
 * total) and the user's id (which chats the user muted). One answer to take in before the first
 * rows, and one request of the portal's rate limit.
 */
export function prefetchFirstScreen(portal: Portal, queryClient: QueryClient): void {
  const saved = readUserOption(portal, FILTER_SETTING)
  const filter = saved !== null && isRecentFilter(saved) ? saved : 'all'

  const requestedAt = Date.now()
  const answers = callBatch<unknown>(portal, {
    ...firstPageCommands(filter),
    counters: COUNTERS_COMMAND,
    profile: PROFILE_COMMAND,
  })
  void queryClient.prefetchInfiniteQuery({
    ...recentListQueryOptions(portal, queryClient, filter),
    queryFn: () => fetchRecentPage(portal, queryClient, filter, 0, answers),
  })
  void queryClient.prefetchQuery({
    ...countersQueryOptions(portal, queryClient),
    queryFn: async () => countersSnapshot(resultOf(await answers, 'counters'), requestedAt),
  })
  void queryClient.prefetchQuery({
    ...currentUserQueryOptions(portal),
    queryFn: async () => readProfileId(resultOf(await answers, 'profile')),
  })
}
