import { expect, it, vi } from 'vitest'
import type { PortalLanguage } from '../i18n/languages.ts'
import { createFakePortal } from './fake-portal.ts'
import { renderHookWithPortal } from './render-with-portal.tsx'

// The catalog comes 100 ms late, as a first import can on a busy machine: after act() is done.
vi.mock('../i18n/load-catalog.ts', async (original) => {
  const real = await original<typeof import('../i18n/load-catalog.ts')>()
  const late = new Promise((resolve) => setTimeout(resolve, 100))
  return {
    loadCatalog: (lang: PortalLanguage) => late.then(() => real.loadCatalog(lang)),
  }
})

it('returns a hook once it has rendered, even when the catalog comes after act()', async () => {
  const { portal } = createFakePortal({})
  const { result } = await renderHookWithPortal(() => 'rendered', portal)
  expect(result.current).toBe('rendered')
})
