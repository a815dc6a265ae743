import { isUnread, type Dialog } from './dialog.ts'

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

/** Whether a dialog belongs to the filter, judged on the client (for dialogs already loaded). */
export function matchesFilter(
  dialog: Pick<Dialog, 'kind' | 'markedUnread' | 'counter'>,
  filter: RecentFilter,
) {
  switch (filter) {
    case 'all':
      return true
    case 'unread':
      return isUnread(dialog)
    case 'direct':
      return dialog.kind === 'user'
    case 'chats':
      return dialog.kind === 'chat'
    case 'openlines':
      return dialog.kind === 'openline'
  }
}
