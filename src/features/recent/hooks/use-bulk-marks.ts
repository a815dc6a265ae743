import { useRef, useState } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { KnownState } from '../api/commands.ts'
import { keyOf, type MarkChange } from '../model/mark-change.ts'
import type { BulkProgress } from '../types/feedback.ts'
import type { MarkTarget } from '../model/dialog.ts'
import type { RowMarks } from './use-row-marks.ts'
import type { Say } from './use-toast.ts'

/**
 * Marks many dialogs with progress and Cancel, then offers Undo back to what each row showed —
 * or Retry for what failed.
 */
export function useBulkMarks(marks: RowMarks, say: Say) {
  const { t, plural } = useI18n()
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const abort = useRef<AbortController | null>(null)

  /** `readMessages`: the change reads messages, so Undo can only bring the unread mark back. */
  async function run(
    changes: MarkChange[],
    undo: MarkChange[],
    options: {
      known?: ReadonlyMap<string, KnownState>
      readMessages?: boolean
      doneText?: string
    } = {},
  ): Promise<void> {
    if (changes.length === 0) {
      say({ text: t('nothingToChange') })
      return
    }
    const controller = new AbortController()
    abort.current = controller
    setProgress({ settled: 0, total: changes.length })
    const outcome = await marks.actions.markMany(changes, {
      known: options.known,
      signal: controller.signal,
      onProgress: (settled: number, total: number) => setProgress({ settled, total }),
    })
    setProgress(null)
    abort.current = null
    const undoDone = () => {
      const done = new Set(outcome.done.map(keyOf))
      const inverse = undo.filter((c) => done.has(keyOf(c)))
      void run(inverse, outcome.done, {
        doneText: options.readMessages ? t('unreadAgainNoCount') : undefined,
      })
    }
    if (outcome.failed.length > 0) {
      say({
        tone: 'error',
        text: t('bulkFailed', { failed: outcome.failed.length, total: changes.length }),
        dialogIds: outcome.failed.map((failure) => keyOf(failure.change)),
        onRetry: () => {
          const retry = outcome.failed.map((f) => f.change)
          void run(
            retry,
            undo.filter((u) => retry.some((r) => r.dialogId === u.dialogId)),
            { readMessages: options.readMessages },
          )
        },
      })
    } else if (outcome.cancelled.length > 0) {
      say({
        text: t('bulkCancelled', { done: outcome.done.length, total: changes.length }),
        onUndo: undoDone,
      })
    } else {
      say({ text: options.doneText ?? plural('bulkDone', outcome.done.length), onUndo: undoDone })
    }
  }

  /** Marks the dialogs; `known`: what the portal's counters say of those the lists may not hold. */
  const markDialogs = (
    targets: readonly MarkTarget[],
    unread: boolean,
    known?: ReadonlyMap<string, KnownState>,
  ) =>
    run(
      targets.map((dialog) => ({ dialogId: dialog.dialogId, unread })),
      targets.map((dialog) => ({ dialogId: dialog.dialogId, unread: marks.shownUnread(dialog) })),
      { known, readMessages: !unread && targets.some(marks.readsMessages) },
    )

  return { progress, markDialogs, cancel: () => abort.current?.abort() }
}

export type BulkMarks = ReturnType<typeof useBulkMarks>
