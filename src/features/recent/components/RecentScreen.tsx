import { lazy, Suspense, useCallback, type CSSProperties } from 'react'
import { openInMessenger } from '../../../bitrix24/messenger.ts'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { Dialog } from '../model/dialog.ts'
import { FILTER_SETTING, isRecentFilter, type RecentFilter } from '../model/filters.ts'
import { useBulkMarks } from '../hooks/use-bulk-marks.ts'
import { useMinuteClock } from '../hooks/use-minute-clock.ts'
import { useReadAll } from '../hooks/use-read-all.ts'
import { useRecentList } from '../hooks/use-recent-list.ts'
import { useRowMarks } from '../hooks/use-row-marks.ts'
import { useRowSelection } from '../hooks/use-row-selection.ts'
import { useScreenKeys } from '../hooks/use-screen-keys.ts'
import { useServerSearch } from '../hooks/use-server-search.ts'
import { useShownEntries } from '../hooks/use-shown-entries.ts'
import { useToast } from '../hooks/use-toast.ts'
import { useUnreadHeading } from '../hooks/use-unread-heading.ts'
import { useCurrentUserId } from '../hooks/use-unread-total.ts'
import { useUserSetting } from '../hooks/use-user-setting.ts'
import { BulkBar } from './BulkBar.tsx'
import { DialogList } from './DialogList.tsx'
import { FilterTabs } from './FilterTabs.tsx'
import { ListFooter } from './ListFooter.tsx'
import { OfflineBanner } from './OfflineBanner.tsx'
import { RecentEmpty } from './RecentEmpty.tsx'
import { RecentHeader } from './RecentHeader.tsx'
import { Toast } from './UndoToast.tsx'
import './recent.css'

// Opened on demand, never on the first screen: their code loads when first asked for.
const ShortcutsHelp = lazy(() =>
  import('./ShortcutsHelp.tsx').then((module) => ({ default: module.ShortcutsHelp })),
)
// The list's error screen: never on the way to the first rows.
const ListError = lazy(() =>
  import('./ListError.tsx').then((module) => ({ default: module.ListError })),
)
// Shown only once the user types a search.
const SearchStatus = lazy(() =>
  import('./SearchStatus.tsx').then((module) => ({ default: module.SearchStatus })),
)
const ConfirmDialog = lazy(() =>
  import('./ConfirmDialog.tsx').then((module) => ({ default: module.ConfirmDialog })),
)

const isString = (value: string): value is string => typeof value === 'string'
/** The frame's height before the app resized it: how much room the portal gave the app. */
const FRAME_HEIGHT = Math.max(480, window.innerHeight)

/** The recent chats: header, filters, bulk bar, the list and its messages. */
export function RecentScreen() {
  const { t, plural, formatNumber } = useI18n()
  const portal = usePortal()
  const [filter, setFilter] = useUserSetting<RecentFilter>(FILTER_SETTING, 'all', isRecentFilter)
  const [search, setSearch] = useUserSetting<string>('recent.search', '', isString)
  const userId = useCurrentUserId()
  const { query, entries: loaded, loadMore, loadAll: loadEvery } = useRecentList(filter, userId)
  const found = useServerSearch(search, userId)
  const { entries, matches } = useShownEntries(loaded, search, found.entries)
  const { toast, say, close } = useToast()
  const loadAll = useCallback(async () => {
    const { entries: all, complete } = await loadEvery()
    if (!complete) say({ text: t('onlyFirstChats', { count: formatNumber(all.length) }) })
    return all
  }, [loadEvery, say, t, formatNumber])
  const marks = useRowMarks(loaded, say)
  const unread = useUnreadHeading(marks.pending.pending, loaded)
  const bulk = useBulkMarks(marks, say)
  const list = { entries, loadAll, matches }
  const selection = useRowSelection(list, marks, bulk)
  const readAll = useReadAll({ filter, search, list, marks, bulk, say, onConfirm: selection.clear })
  const nowMs = useMinuteClock()
  const open = useCallback((dialog: Dialog) => openInMessenger(portal, dialog.dialogId), [portal])

  const changeFilter = (next: RecentFilter) => {
    setFilter(next)
    selection.clear()
  }
  const changeSearch = (next: string) => {
    setSearch(next)
    selection.clear()
  }
  const keys = useScreenKeys({
    search,
    clearSearch: () => changeSearch(''),
    clearSelection: selection.clear,
  })

  return (
    <main
      className="recent-screen"
      style={{ '--frame-height': `${FRAME_HEIGHT}px` } as CSSProperties}
    >
      <RecentHeader
        unread={unread}
        search={search}
        onSearch={changeSearch}
        searchRef={keys.searchRef}
        searchOpen={keys.searchOpen}
        onOpenSearch={keys.openSearch}
        helpOpen={keys.helpOpen}
        onHelp={keys.toggleHelp}
      />
      {keys.helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsHelp open onClose={keys.closeHelp} />
        </Suspense>
      )}
      <FilterTabs value={filter} onChange={changeFilter} />
      <OfflineBanner />
      <BulkBar
        selectedCount={selection.loadedCount}
        allMatching={selection.selection.all}
        progress={bulk.progress}
        onSelectAll={selection.selectAll}
        onSelectLoaded={selection.selectLoaded}
        onMark={(unread) => void selection.markSelected(unread)}
        onMarkAllRead={() => void readAll.ask()}
        onCancel={bulk.cancel}
      />
      {search.trim() !== '' && (
        <Suspense fallback={null}>
          <SearchStatus searching={found.searching} error={found.error} onRetry={found.retry} />
        </Suspense>
      )}
      {query.isPending ? (
        <p className="list-status" role="status">
          {t('listLoading')}
        </p>
      ) : query.isError && query.data === undefined ? (
        // A failed background refresh keeps the rows it has; only a list that never came is an error.
        <Suspense fallback={null}>
          <ListError error={query.error} onRetry={() => void query.refetch()} />
        </Suspense>
      ) : entries.length === 0 ? (
        <RecentEmpty
          search={search}
          searching={found.searching}
          filter={filter}
          canLoadMore={query.hasNextPage}
          onLoadAll={() => void loadAll()}
          onShowAll={() => changeFilter('all')}
        />
      ) : (
        <DialogList
          entries={entries}
          marks={marks.pending}
          selection={selection.selection}
          nowMs={nowMs}
          hasMore={query.hasNextPage && !query.isFetchingNextPage && !search}
          setSize={query.hasNextPage ? -1 : entries.length}
          busy={query.isFetching}
          onNearEnd={loadMore}
          onToggle={marks.toggle}
          onSelect={selection.select}
          onOpen={open}
          onRetry={marks.retry}
        />
      )}
      <ListFooter
        hasNextPage={query.hasNextPage}
        fetchingNextPage={query.isFetchingNextPage}
        loaded={query.isSuccess}
        searching={search !== ''}
        empty={entries.length === 0}
        onLoadMore={loadMore}
        onLoadAll={() => void loadAll()}
      />
      {readAll.asking !== null && (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={plural('readAllTitle', readAll.asking)}
            body={t('readAllBody')}
            confirmLabel={t('markAllRead')}
            onConfirm={readAll.confirm}
            onCancel={readAll.cancel}
          />
        </Suspense>
      )}
      <Toast toast={toast} onClose={close} />
    </main>
  )
}
