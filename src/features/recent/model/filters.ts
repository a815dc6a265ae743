import type { RecentItemPayload } from '../types/payload.ts'
import { isUnread, kindOf, markStateOf, type Dialog } from './dialog.ts'

export const FILTERS = ['all', 'unread', 'direct', 'chats', 'openlines'] as const

/** The user option that keeps the chosen filter across launches. */
export const FILTER_SETTING = 'recent.filter'
export type RecentFilter = (typeof FILTERS)[number]

export function isRecentFilter(value: unknown): value is RecentFilter {
  return typeof value === 'string' && (FILTERS as readonly string[]).includes(value)
}

/** Each filter is asked of the portal with im.recent.list's own SKIP_* / UNREAD_ONLY params. */
export const FILTER_PARAMS: Record<RecentFilter, Record<string, 'Y'>> = {
  all: {},
  unread: { UNREAD_ONLY: 'Y' },
  direct: { SKIP_CHAT: 'Y', SKIP_OPENLINES: 'Y' },
  chats: { SKIP_DIALOG: 'Y', SKIP_OPENLINES: 'Y' },
  openlines: { SKIP_DIALOG: 'Y', SKIP_CHAT: 'Y' },
}

/** Instant search over loaded dialogs: every word of the query appears in the title. */
export function matchesSearch(
  dialog: Pick<Dialog, 'title'>,
  query: string,
  locale: string,
): boolean {
  const words = query.toLocaleLowerCase(locale).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const title = dialog.title.toLocaleLowerCase(locale)
  return words.every((word) => title.includes(word))
}

/**
 * Whether an item the portal sent for a filter really belongs to it. The portal's params are not
 * enough (docs/bitrix24-facts.md, "The recent list"): SKIP_CHAT keeps copilot chats,
 * channels and collabs, and queued open lines come with every page whatever UNREAD_ONLY says.
 * Judged on what the server sent, so a row the user has just marked read stays in the Unread
 * view until the next refresh instead of vanishing under the pointer.
 */
export function matchesFilter(item: RecentItemPayload, filter: RecentFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'unread':
      return isUnread(markStateOf(item))
    case 'direct':
      return kindOf(item) === 'user'
    case 'chats':
      return kindOf(item) === 'chat'
    case 'openlines':
      return kindOf(item) === 'openline'
  }
}
