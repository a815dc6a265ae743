import { useQuery, useQueryClient } from '@tanstack/react-query'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useSyncExternalStore } from 'react'
import { countersQueryOptions } from '../api/counters.ts'
import { currentUserQueryOptions } from '../api/current-user.ts'
import { factsSince, factsVersion, subscribeFacts } from '../api/server-facts.ts'
import { totalWith, type DialogTraits } from '../model/counters.ts'
import { stateOfChange, type Fact } from '../model/facts.ts'

/** The current user's id (0 until the portal has said). */
export function useCurrentUserId(): number {
  const portal = usePortal()
  return useQuery(currentUserQueryOptions(portal)).data ?? 0
}

/**
 * The messenger's badge as the portal counts it (im.counters.get), with what was learnt of the
 * server since those counters were asked for and the changes still on their way laid over it:
 * the header moves with the click, and the next counters the portal sends say what happened.
 * `traits` tells muted chats and open lines among dialogs the counters do not list. Null until
 * the portal has answered.
 */
export function useUnreadTotal(
  pending: ReadonlyMap<string, boolean>,
  traits: (key: string) => DialogTraits | undefined,
): number | null {
  const portal = usePortal()
  const queryClient = useQueryClient()
  const { data } = useQuery(countersQueryOptions(portal, queryClient))
  useSyncExternalStore(
    (listener) => subscribeFacts(queryClient, listener),
    () => factsVersion(queryClient),
  )
  if (!data?.counters) return null
  const facts = new Map<string, Omit<Fact, 'at'>>(factsSince(queryClient, data.requestedAt))
  for (const [key, unread] of pending) facts.set(key, stateOfChange(unread))
  return totalWith(data.counters, facts, traits)
}
