import { useEffect, useState } from 'react'

/** Whether `busy` has been false for `ms` without a break (false at first). */
export function useQuietFor(busy: boolean, ms: number): boolean {
  const [quiet, setQuiet] = useState(false)
  useEffect(() => {
    if (busy) return
    const timer = setTimeout(() => setQuiet(true), ms)
    return () => {
      clearTimeout(timer)
      setQuiet(false)
    }
  }, [busy, ms])
  return quiet && !busy
}
