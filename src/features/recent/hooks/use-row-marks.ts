import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useLatestCallback } from '../../../hooks/use-latest-callback.ts'
import { afterNextPaint } from '../../../lib/after-next-paint.ts'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { createMarkActions, type MarkActions } from '../api/mark-actions.ts'
import { keyOf, type MarkChange } from '../model/mark-change.ts'
import { usePendingMarks, type RowFailure } from '../api/pending-marks.ts'
import { dialogsOf, type ListEntry } from '../model/collect.ts'
import { isUnread, type Dialog, type MarkTarget } from '../model/dialog.ts'
import { isUnreadFact, type Fact } from '../model/facts.ts'
import { describeFailure } from '../model/failure-reason.ts'
import { useCrossTabSync } from './use-cross-tab.ts'
import type { Say } from './use-toast.ts'

/**
 * One row's mark: the change goes out at once with Undo back to what the row showed; a failure is
 * said with the chat's title and a Retry. Also tells what a row shows while changes are on the way.
 */
export function useRowMarks(loaded: readonly ListEntry[] | undefined, say: Say) {
  const { t } = useI18n()
  const portal = usePortal()
  const queryClient = useQueryClient()
  const pending = usePendingMarks()
  const broadcast = useCrossTabSync()
  /** The titles of the dialogs changed here, for their messages (a search result is not loaded). */
  const titles = useRef(new Map<string, string>())
  const titleOf = (change: MarkChange) =>
    titles.current.get(keyOf(change)) ||
    dialogsOf(loaded ?? []).find((d) => d.key === keyOf(change))?.title ||
    t('untitled')
  /**
   * Says what failed and, when it could be read back, what the server holds instead; its Retry
   * sends the change again through the actions that failed it.
   */
  const announceFailure = useLatestCallback(
    (change: MarkChange, error: Error, truth: Fact | undefined, actions: MarkActions) => {
      const failed = t(change.unread ? 'changeFailedUnread' : 'changeFailedRead', {
        title: titleOf(change),
        reason: describeFailure(t, error),
      })
      const now = truth && t(isUnreadFact(truth) ? 'nowUnread' : 'nowRead')
      say({
        tone: 'error',
        text: now ? `${failed} ${now}` : failed,
        dialogIds: [keyOf(change)],
        onRetry: () => actions.markOne(change),
      })
    },
  )
  const actions = useMemo(() => {
    const created: MarkActions = createMarkActions(portal, queryClient, {
      onLearnt: broadcast,
      onFailed: (change, error, truth) => announceFailure(change, error, truth, created),
    })
    return created
  }, [portal, queryClient, broadcast, announceFailure])
  // The first rows are painted without the actions' code; it comes right after them.
  const listed = loaded !== undefined
  useEffect(() => {
    if (listed) void afterNextPaint().then(actions.preload)
  }, [listed, actions])

  /** Whether the row shows unread: the latest change on its way, else the server's state. */
  const shownUnread = useCallback(
    (dialog: MarkTarget) => pending.pending.get(dialog.key) ?? isUnread(dialog),
    [pending.pending],
  )
  /** Whether reading this dialog reads messages (which the server cannot make unread again). */
  const readsMessages = useCallback(
    (dialog: MarkTarget) => dialog.counter > 0 && pending.pending.get(dialog.key) !== false,
    [pending.pending],
  )

  const toggle = useLatestCallback((dialog: Dialog, unread: boolean) => {
    titles.current.set(dialog.key, dialog.title)
    const previous = shownUnread(dialog)
    const readMessages = !unread && readsMessages(dialog)
    actions.markOne({ dialogId: dialog.dialogId, unread })
    say({
      text: t(unread ? 'toastMarkedUnread' : 'toastMarkedRead', {
        title: dialog.title || t('untitled'),
      }),
      onUndo: () => {
        actions.markOne({ dialogId: dialog.dialogId, unread: previous })
        if (readMessages) say({ text: t('unreadAgainNoCount') })
      },
    })
  })

  const retry = useLatestCallback((failure: RowFailure) => {
    pending.dismiss(failure.mutationId)
    actions.markOne(failure.change)
  })

  return { pending, actions, shownUnread, readsMessages, toggle, retry }
}

export type RowMarks = ReturnType<typeof useRowMarks>
