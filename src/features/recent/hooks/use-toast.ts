import { useCallback, useState } from 'react'
import type { ToastMessage } from '../types/feedback.ts'

export type Say = (message: Omit<ToastMessage, 'id'>) => void

/** Each message its own id: two said in one millisecond are still two. */
let lastId = 0

/**
 * The screen's one message at a time: a new one replaces what was shown. A message is closed by
 * its id, so a close meant for one message (its Undo window running out, its Dismiss, its Undo or
 * Retry taken) never takes away a newer one said in the same moment. Taking a message's Undo or
 * Retry closes it before the action runs, so whatever the action says next is shown.
 */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const close = useCallback(
    (id: number) => setToast((shown) => (shown?.id === id ? null : shown)),
    [],
  )
  const say: Say = useCallback(
    (message) => {
      const id = ++lastId
      const closingFirst = (action: (() => void) | undefined) =>
        action &&
        (() => {
          close(id)
          action()
        })
      setToast({
        ...message,
        id,
        onUndo: closingFirst(message.onUndo),
        onRetry: closingFirst(message.onRetry),
      })
    },
    [close],
  )
  return { toast, say, close }
}
