import { useMutationState, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { recentKeys } from './keys.ts'
import type { Fact } from '../model/facts.ts'
import { ChangeFailedError, keyOf, type MarkChange } from '../model/mark-change.ts'
import type { MarkVariables } from './marks.ts'

export interface RowFailure {
  mutationId: number
  change: MarkChange
  error: Error
  /** What the server holds instead, when it could be read back. */
  truth?: Fact
}

export interface PendingMarks {
  /** Dialog key → the state the user asked for last, while it is still on its way. */
  pending: ReadonlyMap<string, boolean>
  /** Dialog key → the single change that failed last (bulk failures are reported in bulk). */
  failures: ReadonlyMap<string, RowFailure>
  dismiss(mutationId: number): void
}

interface Snapshot {
  id: number
  status: string
  single: boolean
  variables: MarkVariables | undefined
  error: Error | null
}

/**
 * What the rows show on top of the cache, read from the mutation cache rather than from
 * components, so it survives virtualised rows unmounting. For each dialog the latest asked-for
 * change wins; a change that failed simply stops showing, leaving other rows and later clicks alone.
 */
export function usePendingMarks(): PendingMarks {
  const queryClient = useQueryClient()
  const snapshots = useMutationState({
    filters: { mutationKey: recentKeys.markMutations() },
    select: (mutation): Snapshot => ({
      id: mutation.mutationId,
      status: mutation.state.status,
      single: mutation.options.mutationKey?.[2] === 'one',
      variables: mutation.state.variables as MarkVariables | undefined,
      error: mutation.state.error,
    }),
  })

  const dismiss = useCallback(
    (mutationId: number) => {
      const cache = queryClient.getMutationCache()
      const mutation = cache.getAll().find((m) => m.mutationId === mutationId)
      if (mutation) cache.remove(mutation)
    },
    [queryClient],
  )

  return useMemo(() => {
    const ordered = snapshots
      .flatMap((snapshot) =>
        snapshot.variables ? [{ snapshot, variables: snapshot.variables }] : [],
      )
      .sort((a, b) => a.variables.writeId - b.variables.writeId)
    const latest = new Map<string, { snapshot: Snapshot; change: MarkChange }>()
    for (const { snapshot, variables } of ordered) {
      for (const change of variables.changes) latest.set(keyOf(change), { snapshot, change })
    }
    const pending = new Map<string, boolean>()
    const failures = new Map<string, RowFailure>()
    for (const [key, { snapshot, change }] of latest) {
      if (snapshot.status === 'pending') pending.set(key, change.unread)
      else if (snapshot.status === 'error' && snapshot.single && snapshot.error) {
        const { error } = snapshot
        failures.set(
          key,
          error instanceof ChangeFailedError
            ? { mutationId: snapshot.id, change, error: error.cause, truth: error.truth }
            : { mutationId: snapshot.id, change, error },
        )
      }
    }
    return { pending, failures, dismiss }
  }, [snapshots, dismiss])
}
