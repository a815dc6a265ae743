/** Query and mutation keys of the recent-dialogs feature, in one place. */
export const recentKeys = {
  all: ['recent'] as const,
  lists: () => [...recentKeys.all, 'list'] as const,
  list: (filter: string) => [...recentKeys.lists(), filter] as const,
  /**
   * Dialogs found on the portal for a search: kept beside the lists (same shape), so confirmed
   * changes and refreshes reach them too.
   */
  search: (term: string) => [...recentKeys.lists(), 'search', term] as const,
  /** im.counters.get: the badge, every dialog's counter and mark. */
  counters: () => [...recentKeys.all, 'counters'] as const,
  /** Every unread-mark change, single or bulk, whichever dialog it is for. */
  markMutations: () => [...recentKeys.all, 'mark'] as const,
  markOne: (dialogKey: string) => [...recentKeys.markMutations(), 'one', dialogKey] as const,
  markMany: () => [...recentKeys.markMutations(), 'many'] as const,
}

/** Changes to one dialog run one after another, in click order. */
export const markScope = (dialogKey: string) => `recent-mark:${dialogKey}`
