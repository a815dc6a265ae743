import { useEffect, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { readUserOption, writeUserOption } from '../../../bitrix24/user-options.ts'

/**
 * A string setting that survives a reload: kept by the portal as a user option, written a moment
 * after the last change (typing in search should not send a frame message per key).
 */
export function useUserSetting<T extends string>(
  name: string,
  fallback: T,
  isValid: (value: string) => value is T,
): [T, (value: T) => void] {
  const portal = usePortal()
  const [value, setValue] = useState<T>(() => {
    const stored = readUserOption(portal, name)
    return stored !== null && isValid(stored) ? stored : fallback
  })
  const [dirty, setDirty] = useState(false)

  useEffect(() => {
    if (!dirty) return
    const timer = setTimeout(() => writeUserOption(portal, name, value), 400)
    return () => clearTimeout(timer)
  }, [portal, name, value, dirty])

  return [
    value,
    (next) => {
      setDirty(true)
      setValue(next)
    },
  ]
}
