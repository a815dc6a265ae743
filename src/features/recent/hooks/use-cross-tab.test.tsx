import { act, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Portal } from '../../../bitrix24/connection.ts'
import { createFakePortal } from '../../../test/fake-portal.ts'
import { renderHookWithPortal } from '../../../test/render-with-portal.tsx'
import { recentKeys } from '../api/keys.ts'
import { useCrossTabSync } from './use-cross-tab.ts'

const channels: BroadcastChannel[] = []
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close()
})

/** Another copy of the app on the same portal, as the hook's channel hears it. */
function otherCopy(portal: Portal) {
  const channel = new BroadcastChannel(`unread-marks:${portal.getTargetOrigin()}`)
  channels.push(channel)
  return channel
}

describe('useCrossTabSync', () => {
  it('still reads the lists again when the screen renders between another copy’s news and the read', async () => {
    const { portal } = createFakePortal({})
    const { rerender, queryClient, result } = await renderHookWithPortal(
      () => useCrossTabSync(),
      portal,
    )
    // The providers suspend on the catalog: the hook runs once it has loaded.
    await waitFor(() => expect(result.current).toBeTypeOf('function'))
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    const heard = new Promise<void>((resolve) => {
      const listener = otherCopy(portal)
      listener.onmessage = () => resolve()
    })

    // A change another copy could not read back: this copy must read its lists again.
    otherCopy(portal).postMessage({ type: 'facts', userId: 7, facts: [] })
    await heard
    // The user clicks meanwhile: the screen renders again before the read is due.
    act(() => rerender())

    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: recentKeys.lists() }))
  })
})
