import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { recentListQueryOptions } from '../api/list-query.ts'
import { collectEntries, type ListEntry } from '../model/collect.ts'
import { DialogRow } from './DialogRow.tsx'
import type { InfiniteData } from '@tanstack/react-query'
import type { RecentListPayload } from '../api/payload.ts'

const selectEntries = (data: InfiniteData<RecentListPayload, number>): ListEntry[] =>
  collectEntries(data.pages)

/** Relative times are recomputed once a minute, not on every render. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** Asks for the next page when the end of the list scrolls into view. */
function useLoadMoreSentinel(onVisible: () => void, enabled: boolean) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const node = ref.current
    if (!node || !enabled || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onVisible()
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [onVisible, enabled])
  return ref
}

export function RecentList() {
  const { t } = useI18n()
  const portal = usePortal()
  const queryClient = useQueryClient()
  const query = useInfiniteQuery({
    ...recentListQueryOptions(portal, queryClient),
    select: selectEntries,
  })
  const nowMs = useMinuteClock()
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])
  const sentinel = useLoadMoreSentinel(loadMore, hasNextPage && !isFetchingNextPage)

  if (query.isPending) {
    return (
      <p className="list-status" role="status">
        {t('listLoading')}
      </p>
    )
  }
  if (query.isError) {
    return (
      <div className="list-status list-status--error" role="alert">
        <p>{t('listFailed', { reason: query.error.message })}</p>
        <Button onClick={() => void query.refetch()}>{t('tryAgain')}</Button>
      </div>
    )
  }
  if (query.data.length === 0) {
    return <p className="list-status">{t('listEmpty')}</p>
  }

  return (
    <>
      <ul className="dialog-list" aria-label={t('recentHeading')}>
        {query.data.map((entry) =>
          entry.kind === 'dialog' ? (
            <DialogRow key={entry.dialog.key} dialog={entry.dialog} nowMs={nowMs} />
          ) : (
            <li key={entry.key} className="dialog-row dialog-row--broken">
              {t('brokenRow')}
            </li>
          ),
        )}
      </ul>
      <div ref={sentinel} className="list-footer" role="status">
        {isFetchingNextPage ? t('loadingMore') : hasNextPage ? null : t('allLoaded')}
      </div>
      {hasNextPage && !isFetchingNextPage && (
        <Button className="list-more" onClick={loadMore}>
          {t('loadMore')}
        </Button>
      )}
    </>
  )
}
