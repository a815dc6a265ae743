import type { CountersShape, PortalStore } from '../data/store.ts'
import { currentCounters } from './counters-current.ts'
import { legacyCounters } from './counters-legacy.ts'
import type { MethodHandler } from './types.ts'

/**
 * im.counters.get: unread counters by kind of dialog, in the shape the portal is set to — the
 * current im module's (counters-current.ts) or an older portal's (counters-legacy.ts).
 * `PORTAL_COUNTERS` picks it at start, the control API at run time.
 */

export const COUNTERS_SHAPES: readonly CountersShape[] = ['current', 'legacy']

/** What im.counters.get answers `userId` now. */
export function countersOf(store: PortalStore, userId: number): Record<string, unknown> {
  const state = store.user(userId)
  return store.countersShape === 'legacy'
    ? legacyCounters(state, userId)
    : currentCounters(state, userId)
}

export const imCountersGet: MethodHandler = (_params, { userId, store }) => ({
  result: countersOf(store, userId),
})
