import { useEffect, useRef, useState } from 'react'
import { useShortcuts } from './use-shortcuts.ts'

interface ScreenKeys {
  search: string
  clearSearch(): void
  clearSelection(): void
}

/**
 * The screen's keys: / goes to the search, ? opens the shortcuts, Esc closes or clears one thing.
 * On a narrow screen the search field is folded behind a button: / and the button unfold it and
 * put the cursor in it; Esc in an empty field folds it again.
 */
export function useScreenKeys({ search, clearSearch, clearSelection }: ScreenKeys) {
  const [helpOpen, setHelpOpen] = useState(false)
  const [searchOpened, setSearchOpened] = useState(false)
  const [focusSearch, setFocusSearch] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const toggleHelp = () => setHelpOpen((value) => !value)
  const openSearch = () => {
    setSearchOpened(true)
    setFocusSearch((n) => n + 1)
  }
  // Focused once the field is shown (it is not while folded).
  useEffect(() => {
    if (focusSearch > 0) searchRef.current?.focus()
  }, [focusSearch])
  useShortcuts({
    onSearch: openSearch,
    onHelp: toggleHelp,
    onEscape: () => {
      const inSearch = document.activeElement === searchRef.current
      if (helpOpen) setHelpOpen(false)
      else if (inSearch && search) clearSearch()
      else if (inSearch) setSearchOpened(false)
      else clearSelection()
    },
  })
  return {
    helpOpen,
    toggleHelp,
    closeHelp: () => setHelpOpen(false),
    searchRef,
    /** The search field is unfolded: asked for, or holding a search. */
    searchOpen: searchOpened || search !== '',
    openSearch,
  }
}
