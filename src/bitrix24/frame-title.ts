import { useEffect } from 'react'
import { usePortal } from './portal-context.tsx'

/**
 * Sets the title the portal shows above the app (`setTitle` over the frame), as messengers put
 * their unread total in the tab's title. Sent only when it changes; a portal that does not answer
 * costs nothing but the title.
 */
export function useFrameTitle(title: string | null): void {
  const portal = usePortal()
  useEffect(() => {
    if (title !== null) void portal.parent.setTitle(title).catch(() => {})
  }, [portal, title])
}
