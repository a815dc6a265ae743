import { useRef, useState } from 'react'
import { useShortcuts } from './use-shortcuts.ts'

interface ScreenKeys {
  search: string
  clearSearch(): void
  clearSelection(): void
}

/** The screen's keys: / goes to the search, ? opens the shortcuts, Esc closes or clears one thing. */
export function useScreenKeys({ search, clearSearch, clearSelection }: ScreenKeys) {
  const [helpOpen, setHelpOpen] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const toggleHelp = () => setHelpOpen((value) => !value)
  useShortcuts({
    onSearch: () => searchRef.current?.focus(),
    onHelp: toggleHelp,
    onEscape: () => {
      if (helpOpen) setHelpOpen(false)
      else if (document.activeElement === searchRef.current && search) clearSearch()
      else clearSelection()
    },
  })
  return { helpOpen, toggleHelp, closeHelp: () => setHelpOpen(false), searchRef }
}
