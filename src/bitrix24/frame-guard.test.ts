import { afterEach, describe, expect, it, vi } from 'vitest'
import { installFrameGuard, isFromPortalWindow } from './frame-guard.ts'

describe('the frame guard', () => {
  afterEach(() => vi.restoreAllMocks())

  it('lets through only the embedding window and the app’s own window', () => {
    const parent = {} as Window
    vi.spyOn(window, 'parent', 'get').mockReturnValue(parent)
    expect(isFromPortalWindow({ source: parent })).toBe(true)
    expect(isFromPortalWindow({ source: window })).toBe(true)
    expect(isFromPortalWindow({ source: {} as Window })).toBe(false) // a sibling, a popup
    expect(isFromPortalWindow({ source: null })).toBe(false)
  })

  it('stops other windows’ messages before any later listener sees them', () => {
    const parent = {} as Window
    vi.spyOn(window, 'parent', 'get').mockReturnValue(parent)
    installFrameGuard()
    installFrameGuard() // idempotent
    const seen: unknown[] = []
    const listener = (event: MessageEvent) => seen.push(event.data)
    window.addEventListener('message', listener)
    window.dispatchEvent(new MessageEvent('message', { data: 'from parent', source: parent }))
    window.dispatchEvent(
      new MessageEvent('message', { data: 'from sibling', source: {} as Window }),
    )
    window.removeEventListener('message', listener)
    expect(seen).toEqual(['from parent'])
  })
})
