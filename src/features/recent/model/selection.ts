/**
 * Which dialogs are selected. `all` means every dialog matching the current filter and search —
 * loaded or not — except those in `keys`; otherwise exactly the dialogs in `keys`.
 */
export interface Selection {
  all: boolean
  keys: ReadonlySet<string>
}

export const emptySelection: Selection = { all: false, keys: new Set() }
export const allMatching: Selection = { all: true, keys: new Set() }

export function isSelected(selection: Selection, key: string): boolean {
  return selection.all !== selection.keys.has(key)
}

export function setSelected(
  selection: Selection,
  keys: readonly string[],
  selected: boolean,
): Selection {
  const next = new Set(selection.keys)
  // In "all" mode the set holds exceptions, so selecting removes from it.
  const add = selection.all ? !selected : selected
  for (const key of keys) {
    if (add) next.add(key)
    else next.delete(key)
  }
  return { all: selection.all, keys: next }
}

/** Shift-click: every key between the anchor and the clicked one takes the clicked one's new state. */
export function selectRange(
  selection: Selection,
  ordered: readonly string[],
  anchor: string,
  key: string,
  selected: boolean,
): Selection {
  const from = ordered.indexOf(anchor)
  const to = ordered.indexOf(key)
  if (from === -1 || to === -1) return setSelected(selection, [key], selected)
  const [start, end] = from < to ? [from, to] : [to, from]
  return setSelected(selection, ordered.slice(start, end + 1), selected)
}

export function selectedKeys(selection: Selection, ordered: readonly string[]): string[] {
  return ordered.filter((key) => isSelected(selection, key))
}
