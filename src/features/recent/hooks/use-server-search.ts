import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts'
import { SEARCH_MIN_LENGTH, serverSearchQueryOptions } from '../api/server-search.ts'
import { createEntryCollector, type ListEntry } from '../model/collect.ts'
import { useLaidUnder } from './use-laid-under.ts'

/** Typing settles for this long before the portal is asked. */
const TYPING_MS = 300

/**
 * The dialogs the portal finds for the search, loaded or not (people and chats by name, with
 * their unread state), once the search has SEARCH_MIN_LENGTH characters and the typing settles.
 */
export function useServerSearch(search: string, userId: number) {
  const portal = usePortal()
  const queryClient = useQueryClient()
  const typed = search.trim()
  const term = useDebouncedValue(typed, TYPING_MS)
  const query = useQuery(serverSearchQueryOptions(portal, queryClient, term))
  const [collect] = useState(createEntryCollector)
  const asked = typed.length >= SEARCH_MIN_LENGTH
  const current = asked && term === typed
  const entries = useLaidUnder(
    useMemo(
      () => (current && query.data ? collect(query.data.pages, userId) : []),
      [current, query.data, collect, userId],
    ),
  )
  return {
    /** What the portal found for what is typed now (nothing while that is still being asked). */
    entries: entries as readonly ListEntry[],
    /** The portal is being asked about what is typed. */
    searching: asked && (!current || query.isFetching),
    /** The last search failed, and nothing it found is shown. */
    error: current && query.isError ? query.error : null,
    retry: () => void query.refetch(),
  }
}
