import { useCallback, useState } from 'react'
import type { ToastMessage } from '../types/feedback.ts'

export type Say = (message: Omit<ToastMessage, 'id'>) => void

/** Each message its own id: two said in one millisecond are still two. */
let lastId = 0

/** The screen's one message at a time: a new one replaces what was shown. */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const say: Say = useCallback((message) => setToast({ id: ++lastId, ...message }), [])
  const close = useCallback(() => setToast(null), [])
  return { toast, say, close }
}
