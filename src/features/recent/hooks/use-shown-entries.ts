import { useCallback, useMemo } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { ListEntry } from '../model/collect.ts'
import { matchesSearch } from '../model/filters.ts'

const keyOf = (entry: ListEntry) => (entry.kind === 'dialog' ? entry.dialog.key : null)

/**
 * The loaded entries the search lets through (placeholders stay: they match nothing and hide
 * nothing), then what the portal found beyond them — each dialog once, as loaded when it is.
 */
export function useShownEntries(
  loaded: ListEntry[] | undefined,
  search: string,
  found: readonly ListEntry[],
) {
  const { locale } = useI18n()
  const matches = useCallback(
    (entry: ListEntry) => entry.kind !== 'dialog' || matchesSearch(entry.dialog, search, locale),
    [search, locale],
  )
  const entries = useMemo(() => {
    // Without a search every entry stays: no pass over thousands of titles per page.
    if (search.trim() === '') return loaded ?? []
    const local = (loaded ?? []).filter(matches)
    if (found.length === 0) return local
    const shown = new Set(local.map(keyOf))
    const loadedByKey = new Map((loaded ?? []).map((entry) => [keyOf(entry), entry]))
    const beyond = found.flatMap((entry) => {
      const key = keyOf(entry)
      if (key === null || shown.has(key)) return []
      shown.add(key)
      return [loadedByKey.get(key) ?? entry]
    })
    return [...local, ...beyond]
  }, [loaded, search, matches, found])
  return { entries, matches }
}
