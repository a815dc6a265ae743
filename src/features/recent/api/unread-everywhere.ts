import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch, RestError } from '../../../bitrix24/rest.ts'
import { toDialog, toDialogId, type MarkTarget } from '../model/dialog.ts'
import { FILTER_PARAMS } from '../model/filters.ts'
import type { KnownState } from './commands.ts'
import { itemKey } from './confirmations.ts'
import { COUNTERS_COMMAND, countersSnapshot } from './counters.ts'
import { recentKeys } from './keys.ts'
import { PAGE_SIZE } from './list-query.ts'
import type { RecentItemPayload, RecentListPayload } from './payload.ts'

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

/** Sessions waiting in the user's queue, as the cached lists know them: nobody's to read yet. */
function waitingKeys(queryClient: QueryClient): Set<string> {
  const keys = new Set<string>()
  for (const [, data] of queryClient.getQueriesData<InfiniteData<RecentListPayload, number>>({
    queryKey: recentKeys.lists(),
  })) {
    const queued = data?.pages[0]?.queued
    for (const raw of Array.isArray(queued) ? queued : []) {
      const key = typeof raw === 'object' && raw !== null ? itemKey(raw as RecentItemPayload) : null
      if (key !== null) keys.add(key)
    }
  }
  return keys
}

export interface UnreadEverywhere {
  /** Every dialog the user has unread, loaded or not. */
  targets: MarkTarget[]
  /** What the portal holds of each: which commands reading it needs. */
  known: Map<string, KnownState>
}

/**
 * Every unread dialog of the user, from the portal in one request: its counters (every dialog's
 * unread messages, comments and manual mark, loaded or not) and the open lines with the manual
 * mark, which the counters leave out (docs/bitrix24-facts.md, "The messenger's own counters").
 * The counters also refresh the unread total.
 */
export async function fetchUnreadEverywhere(
  portal: Portal,
  queryClient: QueryClient,
): Promise<UnreadEverywhere> {
  const requestedAt = Date.now()
  const answers = await callBatch<unknown>(portal, {
    counters: COUNTERS_COMMAND,
    lines: MARKED_LINES,
  })
  const [counters, lines] = ['counters', 'lines'].map((key) => {
    const answer = answers.get(key)
    if (!answer?.ok) throw answer?.error ?? new RestError('ERROR_BATCH_NO_ANSWER', 0, key)
    return answer.result
  })
  const snapshot = countersSnapshot(counters, requestedAt)
  if (!snapshot.counters)
    throw new RestError('ERROR_UNEXPECTED_ANSWER', 0, 'im.counters.get: no totals')
  queryClient.setQueryData(recentKeys.counters(), snapshot)

  const waiting = waitingKeys(queryClient)
  const known = new Map<string, KnownState>()
  for (const [key, count] of snapshot.counters.dialogs) {
    // Comments are read with their channel (im.dialog.read without MESSAGE_ID).
    const messages = count.counter + count.comments
    if (!waiting.has(key) && (messages > 0 || count.marked))
      known.set(key, { counter: messages, markedUnread: count.marked })
  }
  const items = (lines as RecentListPayload | null)?.items
  for (const raw of Array.isArray(items) ? items : []) {
    const dialog = toDialog(raw)
    if (dialog?.kind === 'openline' && dialog.markedUnread && !waiting.has(dialog.key))
      known.set(dialog.key, {
        counter: Math.max(known.get(dialog.key)?.counter ?? 0, dialog.counter),
        markedUnread: true,
      })
  }
  const targets = [...known].flatMap(([key, state]) => {
    const dialogId = toDialogId(/^\d+$/.test(key) ? Number(key) : key)
    return dialogId === null ? [] : [{ key, dialogId, ...state }]
  })
  return { targets, known }
}
