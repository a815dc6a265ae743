import type { RecentListPayload } from '../api/payload.ts'
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

/**
 * Flattens loaded pages into list entries. Adjacent im.recent.list pages overlap (the portal
 * collapses its internal records per page), so a dialog is kept once, where it first appears.
 * Items without a usable id become placeholders instead of breaking the list. `userId` (0 while
 * unknown) tells which chats the user muted.
 */
export function collectEntries(pages: readonly RecentListPayload[], userId = 0): ListEntry[] {
  const seen = new Set<string>()
  const entries: ListEntry[] = []
  // Sessions waiting in the queue first, where the messenger puts them: they wait for an answer.
  const queue = { items: pages[0]?.queued ?? [], waiting: true }
  const lists = pages.map((page) => ({
    // A page is whatever the portal sent as `result`: possibly not even an object.
    items: typeof page === 'object' && page !== null && Array.isArray(page.items) ? page.items : [],
    waiting: false,
  }))
  ;[queue, ...lists].forEach(({ items, waiting }, pageIndex) => {
    items.forEach((raw, itemIndex) => {
      const dialog = dialogOf(raw, userId, waiting)
      if (!dialog) {
        entries.push({ kind: 'broken', key: `broken:${pageIndex}:${itemIndex}` })
        return
      }
      if (seen.has(dialog.key)) return
      seen.add(dialog.key)
      entries.push({ kind: 'dialog', dialog })
    })
  })
  return entries
}

/** The dialogs among the entries, placeholders left out. */
export const dialogsOf = (entries: readonly ListEntry[]): Dialog[] =>
  entries.flatMap((entry) => (entry.kind === 'dialog' ? [entry.dialog] : []))

/** What selection, bulk changes and Mark all may touch: not the sessions waiting in the queue. */
export const markableOf = (entries: readonly ListEntry[]): Dialog[] =>
  dialogsOf(entries).filter((dialog) => !dialog.waiting)
