import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { fetchEveryPage } from '../api/list-query.ts'
import { collectEntries, markableOf, type ListEntry } from '../model/collect.ts'
import type { Dialog } from '../model/dialog.ts'
import { describeFailure } from '../model/failure-reason.ts'
import type { RecentFilter } from '../model/filters.ts'
import type { BulkMarks } from './use-bulk-marks.ts'
import type { RowMarks } from './use-row-marks.ts'
import type { ShownList } from './use-row-selection.ts'
import type { Say } from './use-toast.ts'

interface ReadAllSources {
  filter: RecentFilter
  search: string
  list: ShownList
  marks: RowMarks
  bulk: BulkMarks
  say: Say
  /** Runs when the user confirms (the selection goes: every matching row is being read). */
  onConfirm(): void
}

/**
 * "Mark all as read" reads messages, which the server cannot take back, so it first counts what
 * it will read and asks. With the All filter and no search it is one im.dialog.read.all for every
 * dialog, loaded or not (counted on the server's unread list); otherwise it reads what matches
 * the filter and search.
 */
export function useReadAll(sources: ReadAllSources) {
  const { filter, search, list, marks, bulk, say, onConfirm } = sources
  const { t } = useI18n()
  const portal = usePortal()
  const queryClient = useQueryClient()
  const [question, setQuestion] = useState<{ targets: Dialog[]; everything: boolean } | null>(null)

  const ask = async () => {
    const everything = filter === 'all' && !search
    let source: ListEntry[]
    try {
      source = everything
        ? collectEntries(await fetchEveryPage(portal, queryClient, 'unread'))
        : (await list.loadAll()).filter(list.matches)
    } catch (error) {
      say({ tone: 'error', text: t('listFailed', { reason: describeFailure(t, error as Error) }) })
      return
    }
    const targets = markableOf(source).filter(marks.shownUnread)
    if (targets.length === 0) say({ text: t('nothingUnread') })
    else setQuestion({ targets, everything })
  }

  const confirm = () => {
    if (!question) return
    setQuestion(null)
    onConfirm()
    void bulk.markDialogs(question.targets, false, question.everything)
  }

  /** How many dialogs the question is about; null while nothing is asked. */
  const asking = question && question.targets.length
  return { asking, ask, confirm, cancel: () => setQuestion(null) }
}
