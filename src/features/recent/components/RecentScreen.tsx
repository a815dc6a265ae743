import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react'
import { openInMessenger } from '../../../bitrix24/messenger.ts'
import { useFrameTitle } from '../../../bitrix24/frame-title.ts'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { createMarkActions, type MarkChange } from '../api/marks.ts'
import type { RowFailure } from '../api/pending-marks.ts'
import { usePendingMarks } from '../api/pending-marks.ts'
import { fetchEveryPage } from '../api/list-query.ts'
import { collectEntries, type ListEntry } from '../model/collect.ts'
import { describeFailure } from '../model/failure-reason.ts'
import { isUnread, type Dialog } from '../model/dialog.ts'
import {
  FILTER_SETTING,
  isRecentFilter,
  matchesSearch,
  type RecentFilter,
} from '../model/filters.ts'
import {
  allMatching,
  emptySelection,
  isSelected,
  selectRange,
  setSelected,
  type Selection,
} from '../model/selection.ts'
import { useLatestCallback } from '../../../hooks/use-latest-callback.ts'
import { useCrossTabSync } from '../hooks/use-cross-tab.ts'
import { useMinuteClock } from '../hooks/use-minute-clock.ts'
import { useOnline } from '../hooks/use-online.ts'
import { useRecentList } from '../hooks/use-recent-list.ts'
import { useShortcuts } from '../hooks/use-shortcuts.ts'
import { useCurrentUserId, useUnreadTotal } from '../hooks/use-unread-total.ts'
import { useUserSetting } from '../hooks/use-user-setting.ts'
import { BulkBar, type BulkProgress } from './BulkBar.tsx'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { DialogList } from './DialogList.tsx'
import { FilterTabs } from './FilterTabs.tsx'
import { ListError } from './ListError.tsx'
import { RecentEmpty } from './RecentEmpty.tsx'
import { SearchBox } from './SearchBox.tsx'
import { ShortcutsHelp } from './ShortcutsHelp.tsx'
import { Toast, type ToastMessage } from './UndoToast.tsx'
import './recent.css'

const isString = (value: string): value is string => typeof value === 'string'
/** The frame's height before the app resized it: how much room the portal gave the app. */
const FRAME_HEIGHT = Math.max(480, window.innerHeight)
const dialogsOf = (entries: readonly ListEntry[]) =>
  entries.flatMap((entry) => (entry.kind === 'dialog' ? [entry.dialog] : []))
/** What selection, bulk changes and Mark all may touch: not the sessions waiting in the queue. */
const markableOf = (entries: readonly ListEntry[]) =>
  dialogsOf(entries).filter((dialog) => !dialog.waiting)

export function RecentScreen() {
  const { t, plural, locale, formatNumber } = useI18n()
  const portal = usePortal()
  const queryClient = useQueryClient()
  const [filter, setFilter] = useUserSetting<RecentFilter>(FILTER_SETTING, 'all', isRecentFilter)
  const [search, setSearch] = useUserSetting<string>('recent.search', '', isString)
  const userId = useCurrentUserId()
  const { query, loadMore, loadAll } = useRecentList(filter, userId)
  const unread = useUnreadTotal(userId)
  const unreadCount = unread && formatNumber(unread.total) + (unread.complete ? '' : '+')
  useFrameTitle(
    unread && (unread.total > 0 ? `(${unreadCount}) ${t('recentHeading')}` : t('recentHeading')),
  )
  const marks = usePendingMarks()
  const broadcast = useCrossTabSync()
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const say = useCallback(
    (message: Omit<ToastMessage, 'id'>) => setToast({ id: Date.now(), ...message }),
    [],
  )
  const announceFailure = useLatestCallback((change: MarkChange, error: Error) => {
    const dialog = dialogsOf(query.data ?? []).find((d) => d.key === String(change.dialogId))
    const title = dialog?.title || t('untitled')
    say({
      tone: 'error',
      text: t(change.unread ? 'changeFailedUnread' : 'changeFailedRead', {
        title,
        reason: describeFailure(t, error),
      }),
      onRetry: () => {
        setToast(null)
        actions.markOne(change)
      },
    })
  })
  const actions = useMemo(
    () =>
      createMarkActions(portal, queryClient, { onConfirmed: broadcast, onFailed: announceFailure }),
    [portal, queryClient, broadcast, announceFailure],
  )
  const online = useOnline()
  const nowMs = useMinuteClock()
  const [selection, setSelection] = useState<Selection>(emptySelection)
  const anchor = useRef<string | null>(null)
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const bulkAbort = useRef<AbortController | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const [readAll, setReadAll] = useState<{ targets: Dialog[]; everything: boolean } | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const matchesSearchEntry = useCallback(
    (entry: ListEntry) => entry.kind !== 'dialog' || matchesSearch(entry.dialog, search, locale),
    [search, locale],
  )
  const entries = useMemo(
    () =>
      // Without a search every entry stays: no pass over thousands of titles per page.
      search.trim() === '' ? (query.data ?? []) : (query.data ?? []).filter(matchesSearchEntry),
    [query.data, search, matchesSearchEntry],
  )
  const orderedKeys = useMemo(() => markableOf(entries).map((d) => d.key), [entries])

  const shownUnread = useCallback(
    (dialog: Dialog) => marks.pending.get(dialog.key) ?? isUnread(dialog),
    [marks.pending],
  )

  const closeToast = useCallback(() => setToast(null), [])

  const changeFilter = (next: RecentFilter) => {
    setFilter(next)
    setSelection(emptySelection)
  }
  const changeSearch = (next: string) => {
    setSearch(next)
    setSelection(emptySelection)
  }

  /** Whether reading this dialog reads messages (which the server cannot make unread again). */
  const readsMessages = useCallback(
    (dialog: Dialog) => dialog.counter > 0 && marks.pending.get(dialog.key) !== false,
    [marks.pending],
  )

  const toggle = useLatestCallback((dialog: Dialog, unread: boolean) => {
    const previous = shownUnread(dialog)
    const readMessages = !unread && readsMessages(dialog)
    actions.markOne({ dialogId: dialog.dialogId, unread })
    const title = dialog.title || t('untitled')
    say({
      text: t(unread ? 'toastMarkedUnread' : 'toastMarkedRead', { title }),
      onUndo: () => {
        actions.markOne({ dialogId: dialog.dialogId, unread: previous })
        if (readMessages) say({ text: t('unreadAgainNoCount') })
        else setToast(null)
      },
    })
  })

  /**
   * Runs a bulk change with progress and Cancel, then offers Undo — or Retry for what failed.
   * `readMessages`: the change reads messages, so Undo can only bring the unread mark back.
   */
  async function runBulk(
    changes: MarkChange[],
    undo: MarkChange[],
    options: { everything?: boolean; readMessages?: boolean; doneText?: string } = {},
  ): Promise<void> {
    if (changes.length === 0) {
      say({ text: t('nothingToChange') })
      return
    }
    const controller = new AbortController()
    bulkAbort.current = controller
    setProgress({ settled: 0, total: changes.length })
    const bulkOptions = {
      signal: controller.signal,
      onProgress: (settled: number, total: number) => setProgress({ settled, total }),
    }
    const outcome = await (options.everything
      ? actions.readEverything(changes, bulkOptions)
      : actions.markMany(changes, bulkOptions))
    setProgress(null)
    bulkAbort.current = null
    const undoDone = () => {
      const done = new Set(outcome.done.map((c) => String(c.dialogId)))
      const inverse = undo.filter((c) => done.has(String(c.dialogId)))
      setToast(null)
      void runBulk(inverse, outcome.done, {
        doneText: options.readMessages ? t('unreadAgainNoCount') : undefined,
      })
    }
    if (outcome.failed.length > 0) {
      say({
        tone: 'error',
        text: t('bulkFailed', { failed: outcome.failed.length, total: changes.length }),
        onRetry: () => {
          const retry = outcome.failed.map((f) => f.change)
          setToast(null)
          void runBulk(
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
      say({
        text: options.doneText ?? plural('bulkDone', outcome.done.length),
        onUndo: undoDone,
      })
    }
  }

  /** Marks the dialogs and offers Undo back to what each row showed before. */
  const markDialogs = (targets: Dialog[], unread: boolean, everything = false) =>
    runBulk(
      targets.map((dialog) => ({ dialogId: dialog.dialogId, unread })),
      targets.map((dialog) => ({ dialogId: dialog.dialogId, unread: shownUnread(dialog) })),
      { everything, readMessages: !unread && targets.some(readsMessages) },
    )

  /** Marks the selection — loading every page first when "all matching" reaches beyond them. */
  const markSelection = async (unread: boolean, chosen: Selection) => {
    const source = chosen.all ? (await loadAll()).filter(matchesSearchEntry) : entries
    const targets = markableOf(source).filter(
      (dialog) => isSelected(chosen, dialog.key) && shownUnread(dialog) !== unread,
    )
    setSelection(emptySelection)
    await markDialogs(targets, unread)
  }

  /**
   * "Mark all as read" reads messages, which the server cannot take back, so it first counts
   * what it will read and asks. With the All filter and no search it is one im.dialog.read.all
   * for every dialog, loaded or not (counted on the server's unread list); otherwise it reads
   * what matches the filter and search.
   */
  const askReadAll = async () => {
    const everything = filter === 'all' && !search
    let source: ListEntry[]
    try {
      source = everything
        ? collectEntries(await fetchEveryPage(portal, queryClient, 'unread'))
        : (await loadAll()).filter(matchesSearchEntry)
    } catch (error) {
      say({ tone: 'error', text: t('listFailed', { reason: describeFailure(t, error as Error) }) })
      return
    }
    const targets = markableOf(source).filter(shownUnread)
    if (targets.length === 0) say({ text: t('nothingUnread') })
    else setReadAll({ targets, everything })
  }

  const confirmReadAll = () => {
    if (!readAll) return
    setReadAll(null)
    setSelection(emptySelection)
    void markDialogs(readAll.targets, false, readAll.everything)
  }

  const select = useLatestCallback((dialog: Dialog, selected: boolean, range: boolean) => {
    setSelection((current) =>
      range && anchor.current
        ? selectRange(current, orderedKeys, anchor.current, dialog.key, selected)
        : setSelected(current, [dialog.key], selected),
    )
    anchor.current = dialog.key
  })

  const retry = useLatestCallback((failure: RowFailure) => {
    marks.dismiss(failure.mutationId)
    actions.markOne(failure.change)
  })

  const open = useCallback((dialog: Dialog) => openInMessenger(portal, dialog.dialogId), [portal])

  useShortcuts({
    onSearch: () => searchRef.current?.focus(),
    onHelp: () => setHelpOpen((value) => !value),
    onEscape: () => {
      if (helpOpen) setHelpOpen(false)
      else if (document.activeElement === searchRef.current && search) changeSearch('')
      else setSelection(emptySelection)
    },
  })

  const loadedSelected = selection.all
    ? null
    : orderedKeys.filter((key) => isSelected(selection, key)).length

  return (
    <main
      className="recent-screen"
      style={{ '--frame-height': `${FRAME_HEIGHT}px` } as CSSProperties}
    >
      <header className="app-header">
        <h1 className="app-header__title">{t('recentHeading')}</h1>
        {unread && (
          <span className="app-header__total" data-total={unread.total}>
            {plural('unreadTotal', unread.total, { count: unreadCount ?? '' })}
          </span>
        )}
        <SearchBox value={search} onChange={changeSearch} inputRef={searchRef} />
        <Button
          variant="ghost"
          className="app-header__help"
          aria-label={t('shortcutsTitle')}
          aria-expanded={helpOpen}
          onClick={() => setHelpOpen((value) => !value)}
        >
          ?
        </Button>
      </header>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <FilterTabs value={filter} onChange={changeFilter} />
      {!online && (
        <p className="offline-banner" role="status">
          {t('offline')}
        </p>
      )}
      <BulkBar
        selectedCount={loadedSelected}
        allMatching={selection.all}
        progress={progress}
        onSelectAll={(all) => setSelection(all ? allMatching : emptySelection)}
        onSelectLoaded={() => setSelection(setSelected(emptySelection, orderedKeys, true))}
        onMark={(unread) => void markSelection(unread, selection)}
        onMarkAllRead={() => void askReadAll()}
        onCancel={() => bulkAbort.current?.abort()}
      />
      {query.isPending ? (
        <p className="list-status" role="status">
          {t('listLoading')}
        </p>
      ) : query.isError && query.data === undefined ? (
        // A failed background refresh keeps the rows it has; only a list that never came is an error.
        <ListError error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <RecentEmpty
          search={search}
          filter={filter}
          canLoadMore={query.hasNextPage}
          onLoadAll={() => void loadAll()}
          onShowAll={() => changeFilter('all')}
        />
      ) : (
        <DialogList
          entries={entries}
          marks={marks}
          selection={selection}
          nowMs={nowMs}
          hasMore={query.hasNextPage && !query.isFetchingNextPage && !search}
          busy={query.isFetching}
          onNearEnd={loadMore}
          onToggle={toggle}
          onSelect={select}
          onOpen={open}
          onRetry={retry}
        />
      )}
      <div className="list-footer" role="status">
        {query.isFetchingNextPage
          ? t('loadingMore')
          : query.hasNextPage
            ? null
            : query.isSuccess && !search
              ? t('allLoaded')
              : null}
      </div>
      {query.hasNextPage && !query.isFetchingNextPage && entries.length > 0 && (
        <Button className="list-more" onClick={search ? () => void loadAll() : loadMore}>
          {search ? t('searchAll') : t('loadMore')}
        </Button>
      )}
      {readAll && (
        <ConfirmDialog
          title={plural('readAllTitle', readAll.targets.length)}
          body={t('readAllBody')}
          confirmLabel={t('markAllRead')}
          onConfirm={confirmReadAll}
          onCancel={() => setReadAll(null)}
        />
      )}
      <Toast toast={toast} onClose={closeToast} />
    </main>
  )
}
