import type { RecentListPayload } from '../types/payload.ts'
import { toDialog, type Dialog } from './dialog.ts'

/**
 * Each item's dialog, kept as long as the item object lives. A new page, a refresh or a confirmed
 * change replaces only the items it touches, so merging a page costs that page's items — not a
 * fresh parse of the thousands of dialogs already loaded.
 */
const parsed = new WeakMap<object, { userId: number; waiting: boolean; dialog: Dialog | null }>()

function dialogOf(raw: unknown, userId: number, waiting: boolean): Dialog | null {
  if (typeof raw !== 'object' || raw === null) return null
  const known = parsed.get(raw)
  if (known && known.userId === userId && known.waiting === waiting) return known.dialog
  const dialog = toDialog(raw, { userId, waiting })
  parsed.set(raw, { userId, waiting, dialog })
  return dialog
}

export type ListEntry = { kind: 'dialog'; dialog: Dialog } | { kind: 'broken'; key: string }

interface Source {
  items: readonly unknown[]
  waiting: boolean
}

/** One empty list for every missing one, so an unchanged page without items compares equal. */
const NONE: readonly unknown[] = []

/** Sessions waiting in the queue first, where the messenger puts them: they wait for an answer. */
function sourcesOf(pages: readonly RecentListPayload[]): Source[] {
  const queue = pages[0]?.queued
  return [
    { items: Array.isArray(queue) ? queue : NONE, waiting: true },
    ...pages.map((page) => ({
      // A page is whatever the portal sent as `result`: possibly not even an object.
      items:
        typeof page === 'object' && page !== null && Array.isArray(page.items) ? page.items : NONE,
      waiting: false,
    })),
  ]
}

/**
 * Flattens loaded pages into list entries. Adjacent im.recent.list pages overlap (the portal
 * collapses its internal records per page), so a dialog is kept once, where it first appears.
 * Items without a usable id become placeholders instead of breaking the list. `userId` (0 while
 * unknown) tells which chats the user muted.
 *
 * The collector remembers its last answer and redoes only the pages from the first that changed:
 * a page arriving at the end of 20,000 dialogs costs that page, not the whole list again.
 */
export function createEntryCollector() {
  let last: {
    sources: Source[]
    userId: number
    entries: ListEntry[]
    /** entries.length after each source. */
    ends: number[]
  } | null = null
  /** The dialogs kept so far, and the keys each source kept (to forget them when it changes). */
  const kept = new Set<string>()
  let keptBySource: string[][] = []

  return (pages: readonly RecentListPayload[], userId = 0): ListEntry[] => {
    const sources = sourcesOf(pages)
    let same = 0
    if (last && last.userId === userId) {
      const before = last.sources
      while (
        same < sources.length &&
        same < before.length &&
        sources[same]?.items === before[same]?.items
      )
        same++
      if (same === sources.length && same === before.length) return last.entries
    }
    for (const keys of keptBySource.slice(same)) for (const key of keys) kept.delete(key)
    keptBySource = keptBySource.slice(0, same)
    const entries = last && same > 0 ? last.entries.slice(0, last.ends[same - 1]) : []
    const ends = last && same > 0 ? last.ends.slice(0, same) : []
    sources.slice(same).forEach(({ items, waiting }, offset) => {
      const index = same + offset
      const keys: string[] = []
      items.forEach((raw, itemIndex) => {
        const dialog = dialogOf(raw, userId, waiting)
        if (!dialog) {
          entries.push({ kind: 'broken', key: `broken:${index}:${itemIndex}` })
          return
        }
        if (kept.has(dialog.key)) return
        kept.add(dialog.key)
        keys.push(dialog.key)
        entries.push({ kind: 'dialog', dialog })
      })
      keptBySource.push(keys)
      ends.push(entries.length)
    })
    last = { sources, userId, entries, ends }
    return entries
  }
}

/** The entries of `pages`, collected from scratch. */
export const collectEntries = (pages: readonly RecentListPayload[], userId = 0): ListEntry[] =>
  createEntryCollector()(pages, userId)

/** What identifies an entry's row. */
const keyOfEntry = (entry: ListEntry): string =>
  entry.kind === 'dialog' ? entry.dialog.key : entry.key

/**
 * The entries' keys, as the same array for as long as they are the same keys in the same order.
 * A confirmed change or a fact learnt replaces entries without moving any, and the virtualiser
 * measures every row again whenever its key function changes: at 20,000 dialogs, every answer.
 */
export function createKeyList() {
  let last: readonly string[] = []
  return (entries: readonly ListEntry[]): readonly string[] => {
    const keys = entries.map(keyOfEntry)
    if (keys.length !== last.length || keys.some((key, index) => key !== last[index])) last = keys
    return last
  }
}

/** The dialogs among the entries, placeholders left out. */
export const dialogsOf = (entries: readonly ListEntry[]): Dialog[] =>
  entries.flatMap((entry) => (entry.kind === 'dialog' ? [entry.dialog] : []))

/** What selection, bulk changes and Mark all may touch: not the sessions waiting in the queue. */
export const markableOf = (entries: readonly ListEntry[]): Dialog[] =>
  dialogsOf(entries).filter((dialog) => !dialog.waiting)
