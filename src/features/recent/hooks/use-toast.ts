import { useCallback, useState } from 'react'
import type { ToastMessage } from '../types/feedback.ts'

export type Say = (message: Omit<ToastMessage, 'id'>) => void

/** Each message its own id: two said in one millisecond are still two. */
let lastId = 0

/**
 * The screen's one message at a time: a new one replaces what was shown. A message is closed by
 * its id, so a close meant for one message (its Undo window running out, its Dismiss) never takes
 * away a newer one said in the same moment.
 */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const say: Say = useCallback((message) => setToast({ id: ++lastId, ...message }), [])
  const close = useCallback(
    (id: number) => setToast((shown) => (shown?.id === id ? null : shown)),
    [],
  )
  return { toast, say, close }
}
