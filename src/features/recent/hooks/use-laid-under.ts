import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useMemo, useSyncExternalStore } from 'react'
import { factOf, factsVersion, subscribeFacts } from '../api/server-facts.ts'
import type { ListEntry } from '../model/collect.ts'
import { layUnder } from '../model/facts.ts'

/**
 * The entries as their pages brought them, with what the server was heard to hold since each
 * page's request left laid over them (api/server-facts.ts). An entry nothing newer is known of
 * stays the same object, so its row does not render again; with nothing newer at all, the same
 * array comes back.
 */
export function layEntriesUnder<T extends readonly ListEntry[]>(
  queryClient: QueryClient,
  entries: T,
): T {
  if (factsVersion(queryClient) === 0) return entries
  let changed = false
  const laid = entries.map((entry) => {
    if (entry.kind !== 'dialog') return entry
    const { dialog } = entry
    const shown = layUnder(dialog, dialog.seenAt, factOf(queryClient, dialog.key))
    if (shown === dialog) return entry
    changed = true
    return { kind: 'dialog' as const, dialog: shown }
  })
  return (changed ? laid : entries) as T
}

/** layEntriesUnder, again whenever something new is learnt. */
export function useLaidUnder<T extends readonly ListEntry[] | undefined>(entries: T): T {
  const queryClient = useQueryClient()
  const version = useSyncExternalStore(
    (listener) => subscribeFacts(queryClient, listener),
    () => factsVersion(queryClient),
  )
  // Nothing learnt yet: the entries stand as they are.
  return useMemo(
    () => (entries && version > 0 ? layEntriesUnder(queryClient, entries) : entries),
    [entries, version, queryClient],
  )
}
