import type { RecentListPayload } from '../api/payload.ts'
import { toDialog, type Dialog } from './dialog.ts'

/**
 * Each item's dialog, kept as long as the item object lives. A new page, a refresh or a confirmed
 * change replaces only the items it touches, so merging a page costs that page's items — not a
 * fresh parse of the thousands of dialogs already loaded.
 */
const parsed = new WeakMap<object, { userId: number; dialog: Dialog | null }>()

function dialogOf(raw: unknown, userId: number): Dialog | null {
  if (typeof raw !== 'object' || raw === null) return null
  const known = parsed.get(raw)
  if (known && known.userId === userId) return known.dialog
  const dialog = toDialog(raw, userId)
  parsed.set(raw, { userId, dialog })
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
  pages.forEach((page, pageIndex) => {
    // A page is whatever the portal sent as `result`: possibly not even an object.
    const items =
      typeof page === 'object' && page !== null && Array.isArray(page.items) ? page.items : []
    items.forEach((raw, itemIndex) => {
      const dialog = dialogOf(raw, userId)
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
