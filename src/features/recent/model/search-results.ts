import type { RecentItemPayload } from '../types/payload.ts'
import { countOf, type UnreadCounters } from './counters.ts'

/** A person found by im.search.user.list: the one-to-one dialog's id is the person's id. */
export interface FoundUserPayload {
  id?: number
  name?: string
  avatar?: string
  color?: string
  [field: string]: unknown
}

/** A chat found by im.search.chat.list: `id` is the chat's id, `name` its title. */
export interface FoundChatPayload {
  id?: number
  name?: string
  avatar?: string
  color?: string
  type?: string
  mute_list?: unknown
  [field: string]: unknown
}

const positiveId = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null

/** The people of a search answer: keyed by id (`{"12": {...}}`), or `[]` when none were found. */
export function foundUsers(result: unknown): FoundUserPayload[] {
  if (typeof result !== 'object' || result === null) return []
  return Object.values(result).filter(
    (user): user is FoundUserPayload => typeof user === 'object' && user !== null,
  )
}

/** The chats of a search answer: a list. */
export const foundChats = (result: unknown): FoundChatPayload[] =>
  Array.isArray(result)
    ? result.filter((chat): chat is FoundChatPayload => typeof chat === 'object' && chat !== null)
    : []

/**
 * Found people and chats as list items, with each dialog's unread state from the portal's
 * counters (searches answer no marks) as of `seenAt`: the rows read them like any page's.
 */
export function searchItems(
  users: readonly FoundUserPayload[],
  chats: readonly FoundChatPayload[],
  counters: UnreadCounters,
  seenAt: number,
): RecentItemPayload[] {
  const items: RecentItemPayload[] = []
  for (const user of users) {
    const id = positiveId(user.id)
    if (id === null) continue
    const count = countOf(counters, String(id))
    items.push({
      seen_at: seenAt,
      id,
      type: 'user',
      title: user.name,
      avatar: { url: user.avatar, color: user.color },
      counter: count.counter,
      unread: count.marked,
    })
  }
  for (const chat of chats) {
    const id = positiveId(chat.id)
    if (id === null) continue
    const count = countOf(counters, `chat${id}`)
    items.push({
      seen_at: seenAt,
      id: `chat${id}`,
      type: 'chat',
      title: chat.name,
      avatar: { url: chat.avatar, color: chat.color },
      counter: count.counter,
      unread: count.marked,
      chat: { type: chat.type, mute_list: chat.mute_list },
      ...(chat.type === 'lines' ? { lines: {} } : {}),
    })
  }
  return items
}
