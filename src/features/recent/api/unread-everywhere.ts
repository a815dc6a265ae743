import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { itemKey, toDialogId, type MarkTarget } from '../model/dialog.ts'
import type { KnownState } from './commands.ts'
import { recentKeys } from './keys.ts'
import type { RecentListPayload } from '../types/payload.ts'
import { fetchPortalUnread } from './portal-unread.ts'

/** Sessions waiting in the user's queue, as the cached lists know them: nobody's to read yet. */
function waitingKeys(queryClient: QueryClient): Set<string> {
  const keys = new Set<string>()
  for (const [, data] of queryClient.getQueriesData<InfiniteData<RecentListPayload, number>>({
    queryKey: recentKeys.lists(),
  })) {
    const queued = data?.pages[0]?.queued
    for (const raw of Array.isArray(queued) ? queued : []) {
      const key = itemKey(raw)
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

/** Every unread dialog of the user, from the portal in one request (see fetchPortalUnread). */
export async function fetchUnreadEverywhere(
  portal: Portal,
  queryClient: QueryClient,
): Promise<UnreadEverywhere> {
  const { counters, markedLines } = await fetchPortalUnread(portal, queryClient)
  const waiting = waitingKeys(queryClient)
  const known = new Map<string, KnownState>()
  for (const [key, count] of counters.dialogs) {
    // Comments are read with their channel (im.dialog.read without MESSAGE_ID).
    const messages = count.counter + count.comments
    if (!waiting.has(key) && (messages > 0 || count.marked))
      known.set(key, { counter: messages, markedUnread: count.marked })
  }
  for (const [key, counter] of markedLines) {
    if (!waiting.has(key))
      known.set(key, {
        counter: Math.max(known.get(key)?.counter ?? 0, counter),
        markedUnread: true,
      })
  }
  const targets = [...known].flatMap(([key, state]) => {
    const dialogId = toDialogId(/^\d+$/.test(key) ? Number(key) : key)
    return dialogId === null ? [] : [{ key, dialogId, ...state }]
  })
  return { targets, known }
}
