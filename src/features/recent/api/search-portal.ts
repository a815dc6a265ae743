import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch, RestError, resultOf, type BatchOutcome } from '../../../bitrix24/rest.ts'
import { foundChats, foundUsers, searchItems } from '../model/search-results.ts'
import { COUNTERS_COMMAND, countersSnapshot } from './counters.ts'
import { recentKeys } from './keys.ts'
import type { RecentListPayload } from '../types/payload.ts'

/** People and chats one search asks for: the portal's maximum per request. */
const SEARCH_LIMIT = 50

/** What a half of the search found; a phrase the portal finds too short finds nothing. */
function found(outcome: BatchOutcome<unknown> | undefined): unknown {
  if (outcome?.ok) return outcome.result
  if (outcome?.error.code === 'FIND_SHORT') return []
  throw outcome?.error ?? new RestError('ERROR_BATCH_NO_ANSWER', 0, 'im.search')
}

/**
 * The people and chats whose names match `term`, loaded or not, in one request with the portal's
 * counters (their unread messages and marks). Shaped as a one-page list whose items are stamped
 * with when the request left.
 */
export async function searchPortal(
  portal: Portal,
  queryClient: QueryClient,
  term: string,
): Promise<InfiniteData<RecentListPayload, number>> {
  const requestedAt = Date.now()
  const params = { FIND: term, LIMIT: SEARCH_LIMIT }
  const outcomes = await callBatch<unknown>(portal, {
    users: { method: 'im.search.user.list', params },
    chats: { method: 'im.search.chat.list', params },
    counters: COUNTERS_COMMAND,
  })
  const snapshot = countersSnapshot(resultOf(outcomes, 'counters'), requestedAt)
  if (!snapshot.counters)
    throw new RestError('ERROR_UNEXPECTED_ANSWER', 0, 'im.counters.get: no totals')
  // Fresh counters are the badge's too.
  queryClient.setQueryData(recentKeys.counters(), snapshot)
  const items = searchItems(
    foundUsers(found(outcomes.get('users'))),
    foundChats(found(outcomes.get('chats'))),
    snapshot.counters,
    requestedAt,
  )
  return { pages: [{ items, hasMore: false }], pageParams: [0] }
}
