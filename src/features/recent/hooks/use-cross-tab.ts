import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { Portal } from '../../../bitrix24/connection.ts'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { recentKeys } from '../api/keys.ts'
import type { MarkChange } from '../api/marks.ts'

interface MarksMessage {
  type: 'marks'
  changes: MarkChange[]
}

function isMarksMessage(data: unknown): data is MarksMessage {
  const message = data as MarksMessage | null
  return message?.type === 'marks' && Array.isArray(message.changes)
}

/** One channel per portal: copies of the app opened from another portal never hear each other. */
const channelName = (portal: Portal) => `unread-marks:${portal.getTargetOrigin()}`

/**
 * Tells the open copies of the app that these dialogs changed, from a screen that does not keep a
 * list itself (the message menu). The message is queued for the others before the channel closes.
 */
export function tellOtherCopies(portal: Portal, changes: MarkChange[]): void {
  if (typeof BroadcastChannel === 'undefined' || changes.length === 0) return
  const channel = new BroadcastChannel(channelName(portal))
  channel.postMessage({ type: 'marks', changes } satisfies MarksMessage)
  channel.close()
}

/**
 * Keeps every open copy of the app (tabs, placements) in step: a confirmed change is told to the
 * others over a BroadcastChannel, which refetch their list (never trusting the message's state).
 * Returns the function that tells the others.
 */
export function useCrossTabSync(): (changes: MarkChange[]) => void {
  const portal = usePortal()
  const queryClient = useQueryClient()
  const channelRef = useRef<BroadcastChannel | null>(null)
  const name = channelName(portal)

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const channel = new BroadcastChannel(name)
    channelRef.current = channel
    let refetch: ReturnType<typeof setTimeout> | undefined
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isMarksMessage(event.data)) return
      // Only a hint to refetch: the sender may be another user of this portal (two tabs, two
      // logins), so its changes are never written into this user's cache (e2e/isolation.spec.ts).
      clearTimeout(refetch)
      refetch = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: recentKeys.lists() })
        void queryClient.invalidateQueries({ queryKey: recentKeys.counters() })
      }, 300)
    }
    return () => {
      clearTimeout(refetch)
      channel.close()
      if (channelRef.current === channel) channelRef.current = null
    }
  }, [name, queryClient])

  return useCallback((changes: MarkChange[]) => {
    if (changes.length > 0)
      channelRef.current?.postMessage({ type: 'marks', changes } satisfies MarksMessage)
  }, [])
}
