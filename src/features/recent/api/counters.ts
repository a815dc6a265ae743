import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callMethod } from '../../../bitrix24/rest.ts'
import { readCounters, type UnreadCounters } from '../model/counters.ts'
import { recentKeys } from './keys.ts'
import { noMarkInFlight, REFRESH_INTERVAL_MS } from './list-query.ts'
import type { CountersPayload } from '../types/payload.ts'

/** The portal's counters and when they were asked for (changes confirmed later are laid over them). */
export interface CountersSnapshot {
  /** Null when the portal's answer held no usable total. */
  counters: UnreadCounters | null
  requestedAt: number
}

export const COUNTERS_COMMAND = { method: 'im.counters.get', params: {} }

/** The snapshot of an im.counters.get answer asked for at `requestedAt`. */
export const countersSnapshot = (payload: unknown, requestedAt: number): CountersSnapshot => ({
  counters: readCounters(payload),
  requestedAt,
})

export async function fetchCounters(portal: Portal): Promise<CountersSnapshot> {
  const requestedAt = Date.now()
  const payload = await callMethod<CountersPayload>(
    portal,
    COUNTERS_COMMAND.method,
    COUNTERS_COMMAND.params,
  )
  return countersSnapshot(payload, requestedAt)
}

/**
 * The messenger's own counters, one request: the badge, every dialog's unread messages and every
 * manual mark. Read at start, after the changes in flight have settled, and with the list's
 * refreshes — never while a change is on its way, whose answer it could predate.
 */
export function countersQueryOptions(portal: Portal, queryClient: QueryClient) {
  const idle = () => noMarkInFlight(queryClient)
  // One portal per page load, so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: recentKeys.counters(),
    queryFn: () => fetchCounters(portal),
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
    refetchInterval: () => (idle() ? REFRESH_INTERVAL_MS : false),
  })
}
