import { useQuery, useQueryClient } from '@tanstack/react-query'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { confirmedSince } from '../api/confirmations.ts'
import { countersQueryOptions } from '../api/counters.ts'
import { currentUserQueryOptions } from '../api/current-user.ts'
import { totalWith, type DialogTraits } from '../model/counters.ts'

/** The current user's id (0 until the portal has said). */
export function useCurrentUserId(): number {
  const portal = usePortal()
  return useQuery(currentUserQueryOptions(portal)).data ?? 0
}

/**
 * The messenger's badge as the portal counts it (im.counters.get), with the changes confirmed
 * since those counters were asked for and the ones still on their way laid over it: the header
 * moves with the click, and the next counters the portal sends say what really happened.
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
  if (!data?.counters) return null
  const changes = new Map([...confirmedSince(queryClient, data.requestedAt), ...pending])
  return totalWith(data.counters, changes, traits)
}
