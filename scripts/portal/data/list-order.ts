import { isPlainObject } from '../rest/params.ts'
import { buildRecords } from './store.ts'
import type { UserState } from './store.ts'

/**
 * The recent list's order: pinned first, then by last activity, newest first (im module
 * lib/recent.php, Recent::getList: `'PINNED' => 'DESC', 'DATE_LAST_ACTIVITY' => 'DESC'`).
 */

/** An item's last activity in ms (`date_last_activity`, else `date_update`), if it has one. */
export function activityMs(item: unknown): number | undefined {
  if (!isPlainObject(item)) return undefined
  const value = item.date_last_activity ?? item.date_update
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** Re-sorts a well-formed list: pinned first, then by last activity (newest first). */
export function resort(state: UserState): void {
  if (!state.items.every((item) => isPlainObject(item) && activityMs(item) !== undefined)) return
  const decorated = state.items.map((item, index) => ({ item, index }))
  decorated.sort((a, b) => {
    const pa = isPlainObject(a.item) && a.item.pinned === true ? 1 : 0
    const pb = isPlainObject(b.item) && b.item.pinned === true ? 1 : 0
    if (pa !== pb) return pb - pa
    return (activityMs(b.item) ?? 0) - (activityMs(a.item) ?? 0) || a.index - b.index
  })
  state.items = decorated.map((entry) => entry.item)
  state.records = buildRecords(state.items.length)
}
