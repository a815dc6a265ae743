import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { itemKey } from '../model/dialog.ts'
import type { RecentFilter } from '../model/filters.ts'
import { recentKeys } from './keys.ts'
import { fetchRecentPage, noMarkInFlight, readsHeadOnly } from './list-query.ts'
import type { RecentListPayload } from '../types/payload.ts'

const itemsIn = (page: RecentListPayload | undefined): unknown[] =>
  Array.isArray(page?.items) ? page.items : []

/**
 * The first page fresh from the portal, followed by the dialogs of the old first page that it no
 * longer holds: activity elsewhere pushed them down, to just below it (activity only ever lifts
 * a dialog), and the loaded second page is older than that push.
 */
export function withFreshHead(
  old: RecentListPayload | undefined,
  fresh: RecentListPayload,
): RecentListPayload {
  const freshKeys = new Set(itemsIn(fresh).map(itemKey))
  const pushed = itemsIn(old).filter((raw) => {
    const key = itemKey(raw)
    return key !== null && !freshKeys.has(key)
  })
  return { ...fresh, items: [...itemsIn(fresh), ...pushed], hasMore: old?.hasMore ?? fresh.hasMore }
}

/**
 * The periodic refresh of a long list (see FULL_REFRESH_PAGES): its first page read again and
 * laid over the loaded list. Skipped while a mark change or a page load is on its way, whose
 * answers are newer than this one could be.
 */
export async function refreshHead(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
): Promise<void> {
  const key = recentKeys.list(filter)
  const quiet = () =>
    noMarkInFlight(queryClient) && queryClient.getQueryState(key)?.fetchStatus === 'idle'
  const loaded = queryClient.getQueryData<InfiniteData<RecentListPayload, number>>(key)
  if (!readsHeadOnly(filter, loaded) || !quiet()) return
  const head = await fetchRecentPage(portal, queryClient, filter, 0)
  if (!quiet()) return
  queryClient.setQueryData<InfiniteData<RecentListPayload, number>>(
    key,
    (data) =>
      data && { ...data, pages: [withFreshHead(data.pages[0], head), ...data.pages.slice(1)] },
  )
}
