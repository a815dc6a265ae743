import { useEffect, useRef } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { Icon } from '../../../ui/Icon.tsx'
import type { BulkProgress } from '../types/feedback.ts'

export interface BulkBarProps {
  /** Selected dialogs among the loaded ones; null when "all matching" includes unloaded ones. */
  selectedCount: number | null
  allMatching: boolean
  progress: BulkProgress | null
  onSelectAll(selected: boolean): void
  onSelectLoaded(): void
  onMark(unread: boolean): void
  onMarkAllRead(): void
  onCancel(): void
}

/** Selection and bulk actions: select all, the two bulk buttons, progress and Cancel. */
export function BulkBar(props: BulkBarProps) {
  const { t, plural } = useI18n()
  const { selectedCount, allMatching, progress } = props
  const selectAll = useRef<HTMLInputElement>(null)
  const some = allMatching || (selectedCount ?? 0) > 0

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = !allMatching && some
  }, [allMatching, some])

  return (
    <div className="bulk-bar">
      <label className="bulk-bar__all">
        <input
          ref={selectAll}
          type="checkbox"
          checked={allMatching}
          onChange={(event) => props.onSelectAll(event.currentTarget.checked)}
          aria-label={t('selectAllMatching')}
        />
        <span aria-hidden="true">{t('selectAllShort')}</span>
      </label>
      {/* On a narrow screen only its icon shows: the row keeps room for Mark all as read. */}
      <Button
        variant="ghost"
        className="bulk-bar__loaded"
        onClick={props.onSelectLoaded}
        title={t('selectAllLoaded')}
      >
        <Icon name="check" size={20} />
        <span className="bulk-bar__label">{t('selectAllLoaded')}</span>
      </Button>
      <span className="bulk-bar__count" role="status">
        {allMatching
          ? t('allMatchingSelected')
          : some
            ? plural('selectedCount', selectedCount ?? 0)
            : ''}
      </span>
      <span className="bulk-bar__spacer" />
      {progress ? (
        <>
          <progress
            className="bulk-bar__progress"
            max={progress.total}
            value={progress.settled}
            aria-label={t('bulkProgress', { settled: progress.settled, total: progress.total })}
          />
          <Button onClick={props.onCancel}>{t('cancel')}</Button>
        </>
      ) : some ? (
        <>
          <Button
            variant="primary"
            onClick={() => props.onMark(false)}
            aria-label={t('markSelectedRead')}
          >
            {t('markRead')}
          </Button>
          <Button onClick={() => props.onMark(true)} aria-label={t('markSelectedUnread')}>
            {t('markUnread')}
          </Button>
        </>
      ) : (
        <Button onClick={props.onMarkAllRead}>{t('markAllRead')}</Button>
      )}
    </div>
  )
}
