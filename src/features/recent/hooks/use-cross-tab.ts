import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { Portal } from '../../../bitrix24/connection.ts'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { currentUserQueryOptions } from '../api/current-user.ts'
import { recentKeys } from '../api/keys.ts'
import { learn } from '../api/server-facts.ts'
import type { Fact } from '../model/facts.ts'

/** What one copy of the app learnt of the server, for the others of the same user. */
interface FactsMessage {
  type: 'facts'
  /** The user the facts are of: another login on the same portal must not take them. */
  userId: number
  facts: [string, Fact][]
}

function isFactsMessage(data: unknown): data is FactsMessage {
  const message = data as FactsMessage | null
  return (
    message?.type === 'facts' && typeof message.userId === 'number' && Array.isArray(message.facts)
  )
}

const isFact = (value: unknown): value is [string, Fact] => {
  if (!Array.isArray(value) || typeof value[0] !== 'string') return false
  const fact = value[1] as Fact | null
  return (
    typeof fact?.at === 'number' &&
    typeof fact.markedUnread === 'boolean' &&
    (fact.counter === undefined || (Number.isSafeInteger(fact.counter) && fact.counter >= 0))
  )
}

/** One channel per portal: copies of the app opened from another portal never hear each other. */
const channelName = (portal: Portal) => `unread-marks:${portal.getTargetOrigin()}`

/**
 * Tells the open copies of the app what was learnt of the server, from a screen that does not
 * keep a list itself (the message menu); no facts ask them to read their lists again. The
 * message is queued before the channel closes.
 */
export function tellOtherCopies(portal: Portal, userId: number, facts: [string, Fact][]): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(channelName(portal))
  channel.postMessage({ type: 'facts', userId, facts } satisfies FactsMessage)
  channel.close()
}

/**
 * Keeps every open copy of the app (tabs, placements) in step: whatever one learns of the server
 * — a confirmed change, a read-back after a failure — it tells the others over a
 * BroadcastChannel, and they lay it over their lists at once and read the portal's counters
 * again. Facts of another user (two logins in one browser) are never taken: that copy only reads
 * its own lists again. Returns the function that tells the others.
 */
export function useCrossTabSync(): (facts: [string, Fact][]) => void {
  const portal = usePortal()
  const queryClient = useQueryClient()
  const channelRef = useRef<BroadcastChannel | null>(null)
  const name = channelName(portal)
  // One key for the screen's life: a new array on each render would close the channel, and drop
  // the read it has scheduled, every time the screen renders.
  const userKey = useMemo(() => currentUserQueryOptions(portal).queryKey, [portal])

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const channel = new BroadcastChannel(name)
    channelRef.current = channel
    let refetch: ReturnType<typeof setTimeout> | undefined
    const later = (keys: readonly (readonly unknown[])[]) => {
      clearTimeout(refetch)
      refetch = setTimeout(() => {
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey })
      }, 300)
    }
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isFactsMessage(event.data)) return
      const own = queryClient.getQueryData<number>(userKey) ?? 0
      // No facts: something may have changed that the sender could not read back.
      if (own > 0 && event.data.userId === own && event.data.facts.length > 0) {
        learn(queryClient, event.data.facts.filter(isFact))
        later([recentKeys.counters()])
      } else {
        later([recentKeys.lists(), recentKeys.counters()])
      }
    }
    return () => {
      clearTimeout(refetch)
      channel.close()
      if (channelRef.current === channel) channelRef.current = null
    }
  }, [name, queryClient, userKey])

  return useCallback(
    (facts: [string, Fact][]) => {
      const userId = queryClient.getQueryData<number>(userKey) ?? 0
      if (facts.length > 0)
        channelRef.current?.postMessage({ type: 'facts', userId, facts } satisfies FactsMessage)
    },
    [queryClient, userKey],
  )
}
