import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { recentKeys } from './keys.ts'

/** From this many characters on, a search also asks the portal (its own search needs as many). */
export const SEARCH_MIN_LENGTH = 3

export function serverSearchQueryOptions(portal: Portal, queryClient: QueryClient, term: string) {
  // One portal per page load, so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: recentKeys.search(term),
    // Its code loads with the first search: the list is painted without it.
    queryFn: async () =>
      (await import('./search-portal.ts')).searchPortal(portal, queryClient, term),
    enabled: term.length >= SEARCH_MIN_LENGTH,
  })
}
