import { useEffect, useRef } from 'react'

export interface Shortcuts {
  onSearch(): void
  onHelp(): void
  onEscape(): void
}

/** App-wide keys: / searches, ? shows the shortcuts, Esc clears. Ignored while typing. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts)
  useEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as HTMLElement | null
      const typing = target?.matches('input[type="search"], input[type="text"], textarea') ?? false
      if (event.key === 'Escape') latest.current.onEscape()
      else if (typing) return
      else if (event.key === '/') latest.current.onSearch()
      else if (event.key === '?') latest.current.onHelp()
      else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
