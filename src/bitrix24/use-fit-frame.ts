import { useEffect } from 'react'
import { usePortal } from './portal-context.tsx'

/** The app's content height in CSS pixels: what the iframe needs to show it without a scrollbar. */
export function contentHeight(root: Element): number {
  return Math.ceil(root.getBoundingClientRect().height)
}

/**
 * Outside the messenger (DEFAULT, LEFT_MENU) the portal gives the iframe the height the app asks
 * for: keep asking for exactly the content's height, growing and shrinking, so there is never a
 * scroll inside a scroll. The width stays "100%" (as the SDK's fitWindow sends it), so the frame
 * still follows the portal's layout. The SDK's resizeWindowAuto/fitWindow can't be used for this:
 * they measure the document, which is never shorter than the frame, so the frame could never shrink.
 * In IM_NAVIGATION the portal sizes the iframe to its working area and the app scrolls inside it.
 */
export function useFitFrame(): void {
  const portal = usePortal()
  const fills = portal.placement.placement === 'IM_NAVIGATION'
  useEffect(() => {
    if (fills || typeof ResizeObserver === 'undefined') return
    const root = document.getElementById('root') ?? document.body
    let frame = 0
    let asked = 0
    const fit = () => {
      const height = contentHeight(root)
      if (height <= 0 || height === asked) return
      asked = height
      void portal.parent.message
        .send('resizeWindow', { width: '100%', height, isSafely: true })
        .catch(() => {})
    }
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(fit)
    })
    observer.observe(root)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [portal, fills])
}
