import { useMutationState, type MutationState } from '@tanstack/react-query'
import { markMutationKey, type MarkVariables } from './mark-mutation.ts'

export interface DialogChange {
  /** The state the user asked for last, while it is still on its way to the server. */
  pendingUnread: boolean | null
  /** The latest change failed: what was asked and why it did not happen. */
  failure: { variables: MarkVariables; error: Error; submittedAt: number } | null
}

/**
 * The latest change of one dialog, read from the mutation cache rather than from a component,
 * so it survives the row being unmounted and mounted again (scrolling, refetches).
 */
export function useDialogChange(dialogKey: string): DialogChange {
  const states = useMutationState({
    filters: { mutationKey: markMutationKey(dialogKey), exact: true },
    select: (mutation) => mutation.state as MutationState<void, Error, MarkVariables>,
  })
  const latest = states.at(-1)
  if (!latest?.variables) return { pendingUnread: null, failure: null }
  if (latest.status === 'pending') return { pendingUnread: latest.variables.unread, failure: null }
  if (latest.status === 'error' && latest.error) {
    return {
      pendingUnread: null,
      failure: {
        variables: latest.variables,
        error: latest.error,
        submittedAt: latest.submittedAt,
      },
    }
  }
  return { pendingUnread: null, failure: null }
}
