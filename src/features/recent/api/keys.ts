/** Query and mutation keys of the recent-dialogs feature, in one place. */
export const recentKeys = {
  all: ['recent'] as const,
  list: () => [...recentKeys.all, 'list'] as const,
  /** Every unread-mark change, whichever dialog it is for. */
  markMutations: () => [...recentKeys.all, 'mark'] as const,
}

/** Changes to one dialog run one after another, in click order. */
export const markScope = (dialogKey: string) => `recent-mark:${dialogKey}`
