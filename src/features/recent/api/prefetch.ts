import type { QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { readUserOption } from '../../../bitrix24/user-options.ts'
import { FILTER_SETTING, isRecentFilter } from '../model/filters.ts'
import { recentListQueryOptions } from './list-query.ts'

/**
 * Asks for the first page as soon as the portal has answered getInitData — while React is still
 * rendering its way down to the list — so the first screen waits for one round trip, not two.
 */
export function prefetchRecentList(portal: Portal, queryClient: QueryClient): void {
  const saved = readUserOption(portal, FILTER_SETTING)
  const filter = saved !== null && isRecentFilter(saved) ? saved : 'all'
  void queryClient.prefetchInfiniteQuery(recentListQueryOptions(portal, queryClient, filter))
}
