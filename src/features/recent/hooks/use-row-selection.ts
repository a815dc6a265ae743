import { useCallback, useMemo, useRef, useState } from 'react'
import { useLatestCallback } from '../../../hooks/use-latest-callback.ts'
import { markableOf, type ListEntry } from '../model/collect.ts'
import type { Dialog } from '../model/dialog.ts'
import {
  allMatching,
  emptySelection,
  isSelected,
  selectedKeys,
  selectRange,
  setSelected,
  type Selection,
} from '../model/selection.ts'
import type { BulkMarks } from './use-bulk-marks.ts'
import type { RowMarks } from './use-row-marks.ts'

/** The list as the screen shows it, and how to reach every page of it ("all matching"). */
export interface ShownList {
  /** The entries on screen. */
  entries: readonly ListEntry[]
  /** Every page of the list; `matches` is the search over them. */
  loadAll(): Promise<ListEntry[]>
  matches(entry: ListEntry): boolean
}

/** The rows the user picked (one, a Shift range, the loaded ones or all matching) and marking them. */
export function useRowSelection(list: ShownList, marks: RowMarks, bulk: BulkMarks) {
  const { entries, loadAll, matches } = list
  const [selection, setSelection] = useState<Selection>(emptySelection)
  const anchor = useRef<string | null>(null)
  // The markable rows in list order, read only when something needs them: at 20,000 dialogs,
  // going through them on every render would cost each click on a row's toggle.
  const orderedKeys = useCallback(() => markableOf(entries).map((d) => d.key), [entries])
  const loadedCount = useMemo(() => {
    if (selection.all) return null
    if (selection.keys.size === 0) return 0
    return selectedKeys(selection, orderedKeys()).length
  }, [selection, orderedKeys])

  const select = useLatestCallback((dialog: Dialog, selected: boolean, range: boolean) => {
    // Read now: React may run the update after the anchor below has moved on.
    const from = anchor.current
    setSelection((current) =>
      range && from
        ? selectRange(current, orderedKeys(), from, dialog.key, selected)
        : setSelected(current, [dialog.key], selected),
    )
    anchor.current = dialog.key
  })

  /** Marks the selection — loading every page first when "all matching" reaches beyond them. */
  const markSelected = async (unread: boolean) => {
    const chosen = selection
    const source = chosen.all ? (await loadAll()).filter(matches) : entries
    const targets = markableOf(source).filter(
      (dialog) => isSelected(chosen, dialog.key) && marks.shownUnread(dialog) !== unread,
    )
    setSelection(emptySelection)
    await bulk.markDialogs(targets, unread)
  }

  return {
    selection,
    /** How many loaded rows are selected; null when "all matching" is. */
    loadedCount,
    select,
    selectAll: (all: boolean) => setSelection(all ? allMatching : emptySelection),
    selectLoaded: () => setSelection(setSelected(emptySelection, orderedKeys(), true)),
    clear: () => setSelection(emptySelection),
    markSelected,
  }
}
