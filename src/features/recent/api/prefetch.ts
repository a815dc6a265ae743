import type { QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch } from '../../../bitrix24/rest.ts'
import { readUserOption } from '../../../bitrix24/user-options.ts'
import { FILTER_SETTING, isRecentFilter } from '../model/filters.ts'
import { COUNTERS_COMMAND, countersQueryOptions, countersSnapshot } from './counters.ts'
import { currentUserQueryOptions, PROFILE_COMMAND, readProfileId } from './current-user.ts'
import { recentListQueryOptions } from './list-query.ts'

/**
 * Asks for the first screen as soon as the portal has answered getInitData — while React is still
 * rendering its way down to the list — so it waits for one round trip, not two. Two requests leave
 * together: the first page of the list, and one `batch` with the messenger's counters (the unread
 * total) and the user's id (which chats the user muted).
 */
export function prefetchFirstScreen(portal: Portal, queryClient: QueryClient): void {
  const saved = readUserOption(portal, FILTER_SETTING)
  const filter = saved !== null && isRecentFilter(saved) ? saved : 'all'
  void queryClient.prefetchInfiniteQuery(recentListQueryOptions(portal, queryClient, filter))

  const requestedAt = Date.now()
  const answers = callBatch<unknown>(portal, {
    counters: COUNTERS_COMMAND,
    profile: PROFILE_COMMAND,
  })
  const part = async (key: string) => {
    const outcome = (await answers).get(key)
    if (!outcome?.ok) throw outcome?.error
    return outcome.result
  }
  void queryClient.prefetchQuery({
    ...countersQueryOptions(portal, queryClient),
    queryFn: async () => countersSnapshot(await part('counters'), requestedAt),
  })
  void queryClient.prefetchQuery({
    ...currentUserQueryOptions(portal),
    queryFn: async () => readProfileId(await part('profile')),
  })
}
