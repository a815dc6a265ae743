import { useInfiniteQuery, useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useQuietFor } from '../../../hooks/use-quiet-for.ts'
import { currentUserQueryOptions } from '../api/current-user.ts'
import { recentKeys } from '../api/keys.ts'
import { recentListQueryOptions } from '../api/list-query.ts'
import type { RecentListPayload } from '../api/payload.ts'
import { createEntryCollector, dialogsOf } from '../model/collect.ts'
import { unreadTotal } from '../model/unread-total.ts'

/** Past this many unread chats the header says "5,000+" rather than page on. */
const MAX_DIALOGS = 5_000

/**
 * The total's later pages wait until the list on screen has loaded nothing for this long: a user
 * scrolling fast asks for the next page every few hundred milliseconds, and each of the total's
 * pages in between would hold the main thread (the SDK's work on a 750 kB answer) and the
 * portal's rate limit.
 */
const LIST_QUIET_MS = 1_000

/** The current user's id (0 until the portal has said). */
export function useCurrentUserId(): number {
  const portal = usePortal()
  return useQuery(currentUserQueryOptions(portal)).data ?? 0
}

export interface UnreadTotal {
  total: number
  /** False while pages are still coming, or when there were more than MAX_DIALOGS. */
  complete: boolean
}

/**
 * The messenger's unread total over every unread dialog of the user, read to the list's end. It is
 * the Unread filter's own list, so confirmed changes and refreshes reach it too, and switching to
 * that filter costs no request. Null until the
 * first page and the user's id are known.
 */
export function useUnreadTotal(userId: number): UnreadTotal | null {
  const portal = usePortal()
  const queryClient = useQueryClient()
  // Each of the (up to 25) pages read at start-up adds its own dialogs, not all of them again.
  const [collect] = useState(createEntryCollector)
  const select = useCallback(
    (data: { pages: RecentListPayload[] }) => ({
      total: unreadTotal(dialogsOf(collect(data.pages, userId))),
      loaded: data.pages.reduce(
        (count, page) => count + (Array.isArray(page?.items) ? page.items.length : 0),
        0,
      ),
    }),
    [collect, userId],
  )
  const query = useInfiniteQuery({
    ...recentListQueryOptions(portal, queryClient, 'unread'),
    select,
  })
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const more = hasNextPage && (data?.loaded ?? 0) < MAX_DIALOGS
  // The rows the user is scrolling to come first: the total's later pages wait while another list
  // is loading, so they neither delay it nor spend the portal's rate-limit burst before it.
  const othersLoading =
    useIsFetching({
      queryKey: recentKeys.lists(),
      predicate: (other) => other.queryKey.at(-1) !== 'unread',
    }) > 0
  const othersQuiet = useQuietFor(othersLoading, LIST_QUIET_MS)
  useEffect(() => {
    if (more && !isFetchingNextPage && othersQuiet) void fetchNextPage()
  }, [more, isFetchingNextPage, othersQuiet, fetchNextPage])

  if (data === undefined || userId === 0) return null
  return { total: data.total, complete: !hasNextPage }
}
