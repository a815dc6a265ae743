import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { KnownState } from '../api/commands.ts'
import { markableOf } from '../model/collect.ts'
import type { MarkTarget } from '../model/dialog.ts'
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

interface Question {
  targets: MarkTarget[]
  known?: ReadonlyMap<string, KnownState>
}

/**
 * "Mark all as read" reads messages, which the server cannot take back, so it first counts what
 * it will read and asks. With the All filter and no search it reads every unread dialog the
 * portal counts, loaded or not, dialog by dialog: im.dialog.read.all would be one request, but it
 * also reads the user's notifications, which the user did not ask for and which are not this
 * list's (docs/bitrix24-facts.md, "Reading everything"). Otherwise it reads what matches the
 * filter and search.
 */
export function useReadAll(sources: ReadAllSources) {
  const { filter, search, list, marks, bulk, say, onConfirm } = sources
  const { t } = useI18n()
  const portal = usePortal()
  const queryClient = useQueryClient()
  const [question, setQuestion] = useState<Question | null>(null)

  const ask = async () => {
    let asked: Question
    try {
      if (filter === 'all' && !search) {
        const { fetchUnreadEverywhere } = await import('../api/unread-everywhere.ts')
        asked = await fetchUnreadEverywhere(portal, queryClient)
      } else {
        asked = { targets: markableOf((await list.loadAll()).filter(list.matches)) }
      }
    } catch (error) {
      say({ tone: 'error', text: t('listFailed', { reason: describeFailure(t, error as Error) }) })
      return
    }
    const targets = asked.targets.filter(marks.shownUnread)
    if (targets.length === 0) say({ text: t('nothingUnread') })
    else setQuestion({ ...asked, targets })
  }

  const confirm = () => {
    if (!question) return
    setQuestion(null)
    onConfirm()
    void bulk.markDialogs(question.targets, false, question.known)
  }

  /** How many dialogs the question is about; null while nothing is asked. */
  const asking = question && question.targets.length
  return { asking, ask, confirm, cancel: () => setQuestion(null) }
}
