import { useEffect, useState } from 'react'
import { PORTAL_SLOW_MS } from './connection.ts'

/** True once the portal has kept the app waiting longer than a healthy portal ever does. */
export function usePortalSlow(afterMs = PORTAL_SLOW_MS): boolean {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), afterMs)
    return () => clearTimeout(timer)
  }, [afterMs])
  return slow
}
