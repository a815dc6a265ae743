import { useEffect } from 'react'
import { usePortal } from './portal-context.tsx'

/**
 * Outside the messenger (DEFAULT, LEFT_MENU) the portal gives the iframe the height the app asks
 * for; keep asking for the content's height so there is never a scroll inside a scroll.
 * In IM_NAVIGATION the portal sizes the iframe to its working area, so the app leaves it alone.
 */
export function useFitFrame(): void {
  const portal = usePortal()
  const fills = portal.placement.placement === 'IM_NAVIGATION'
  useEffect(() => {
    if (fills || typeof ResizeObserver === 'undefined') return
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => void portal.parent.resizeWindowAuto().catch(() => {}))
    })
    observer.observe(document.body)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [portal, fills])
}
