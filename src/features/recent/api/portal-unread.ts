import type { QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch, RestError, resultOf } from '../../../bitrix24/rest.ts'
import { countOf, type UnreadCounters } from '../model/counters.ts'
import { toDialog } from '../model/dialog.ts'
import type { Fact } from '../model/facts.ts'
import { FILTER_PARAMS } from '../model/filters.ts'
import { COUNTERS_COMMAND, countersSnapshot } from './counters.ts'
import { recentKeys } from './keys.ts'
import { PAGE_SIZE } from './list-query.ts'
import type { RecentListPayload } from '../types/payload.ts'

/** The open lines with the manual mark: the portal's counters do not list them. */
const MARKED_LINES = {
  method: 'im.recent.list',
  params: {
    ...FILTER_PARAMS.openlines,
    UNREAD_ONLY: 'Y',
    SKIP_UNDISTRIBUTED_OPENLINES: 'Y',
    LIMIT: PAGE_SIZE,
  },
}

/** Everything the portal holds unread for the user, as of `requestedAt`. */
export interface PortalUnread {
  requestedAt: number
  counters: UnreadCounters
  /** Open lines with the manual mark → their unread messages. */
  markedLines: Map<string, number>
}

/**
 * What the portal holds unread, in one request: its counters (every dialog's unread messages,
 * comments and manual mark, loaded or not) and the open lines with the manual mark, which the
 * counters leave out (docs/bitrix24-facts.md, "The messenger's own counters"). The counters are
 * the unread total's too.
 */
export async function fetchPortalUnread(
  portal: Portal,
  queryClient: QueryClient,
): Promise<PortalUnread> {
  const requestedAt = Date.now()
  const answers = await callBatch<unknown>(portal, {
    counters: COUNTERS_COMMAND,
    lines: MARKED_LINES,
  })
  const [counters, lines] = ['counters', 'lines'].map((key) => resultOf(answers, key))
  const snapshot = countersSnapshot(counters, requestedAt)
  if (!snapshot.counters)
    throw new RestError('ERROR_UNEXPECTED_ANSWER', 0, 'im.counters.get: no totals')
  queryClient.setQueryData(recentKeys.counters(), snapshot)
  const markedLines = new Map<string, number>()
  const items = (lines as RecentListPayload | null)?.items
  for (const raw of Array.isArray(items) ? items : []) {
    const dialog = toDialog(raw)
    if (dialog?.kind === 'openline' && dialog.markedUnread)
      markedLines.set(dialog.key, dialog.counter)
  }
  return { requestedAt, counters: snapshot.counters, markedLines }
}

/** What the portal holds of one dialog, as a fact learnt when the request left. */
export function factFrom(unread: PortalUnread, key: string): Fact {
  const count = countOf(unread.counters, key)
  const line = unread.markedLines.get(key)
  return {
    at: unread.requestedAt,
    markedUnread: count.marked || line !== undefined,
    counter: Math.max(count.counter, line ?? 0),
  }
}
