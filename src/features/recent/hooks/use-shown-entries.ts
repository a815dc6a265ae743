import { useCallback, useMemo } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { ListEntry } from '../model/collect.ts'
import { matchesSearch } from '../model/filters.ts'

/** The loaded entries the search lets through (placeholders stay: they match nothing and hide nothing). */
export function useShownEntries(loaded: ListEntry[] | undefined, search: string) {
  const { locale } = useI18n()
  const matches = useCallback(
    (entry: ListEntry) => entry.kind !== 'dialog' || matchesSearch(entry.dialog, search, locale),
    [search, locale],
  )
  const entries = useMemo(
    () =>
      // Without a search every entry stays: no pass over thousands of titles per page.
      search.trim() === '' ? (loaded ?? []) : (loaded ?? []).filter(matches),
    [loaded, search, matches],
  )
  return { entries, matches }
}
