import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { afterNextPaint } from '../../../lib/after-next-paint.ts'
import type { PendingMarks, RowFailure } from '../api/pending-marks.ts'
import type { Dialog } from '../model/dialog.ts'
import { createKeyList, type ListEntry } from '../model/collect.ts'
import { isSelected, type Selection } from '../model/selection.ts'
import { DialogRow } from './DialogRow.tsx'

const ROW_HEIGHT = 64
/**
 * Rows drawn beyond the view. None until the first rows have been painted: the first frame lays
 * out only the rows the user sees (each row's text is the dearest part of that layout), and the
 * rest come in the frame after it.
 */
const OVERSCAN = 8
/**
 * Ask for the next page this many rows before the end comes into view: seconds ahead of a reading
 * scroll, so the rows are there when it arrives, yet short of the first page's end, so a user who
 * never scrolls loads nothing more.
 */
const PREFETCH_ROWS = 150

export interface DialogListProps {
  entries: ListEntry[]
  marks: PendingMarks
  selection: Selection
  nowMs: number
  hasMore: boolean
  /**
   * How many dialogs there are, for assistive technology: -1 (ARIA's "unknown") until the last
   * page has come, as the loaded count would say "1 of 200" in a list of thousands.
   */
  setSize: number
  /** The list is being refreshed from the portal (told to assistive technology). */
  busy: boolean
  onNearEnd(): void
  onToggle(dialog: Dialog, unread: boolean): void
  onSelect(dialog: Dialog, selected: boolean, range: boolean): void
  onOpen(dialog: Dialog): void
  onRetry(failure: RowFailure): void
}

/**
 * The virtualised list: only the rows in view (plus a few) are in the DOM, whatever the count.
 * Keyboard: ↑/↓ or j/k move, Space or x select, u toggles unread, Enter opens.
 * The focused row always stays rendered, so focus survives scrolling and refetches.
 */
export function DialogList(props: DialogListProps) {
  const { entries, marks, selection, nowMs, hasMore, onNearEnd } = props
  const { t } = useI18n()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const focusOnRender = useRef(false)

  const [overscan, setOverscan] = useState(0)
  const hasRows = entries.length > 0
  useEffect(() => {
    if (hasRows && overscan === 0) void afterNextPaint().then(() => setOverscan(OVERSCAN))
  }, [hasRows, overscan])

  const [keysOf] = useState(createKeyList)
  const keys = useMemo(() => keysOf(entries), [keysOf, entries])
  // A stable key function: the virtualiser recomputes every row's position when it changes, which
  // at 20,000 rows would make each scroll frame cost the whole list.
  const getItemKey = useCallback((index: number) => keys[index] ?? index, [keys])
  const activeIndex = activeKey === null ? -1 : keys.indexOf(activeKey)
  const tabStopIndex = activeIndex === -1 ? 0 : activeIndex

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      return indexes.includes(tabStopIndex) || tabStopIndex >= range.count
        ? indexes
        : [...indexes, tabStopIndex].sort((a, b) => a - b)
    },
    [tabStopIndex],
  )

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for this use
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    // The rows a scroll brings are rendered in a task of their own, not inside the scroll event:
    // there they shared one task with the frame's style and layout, over 50 ms on a fast scroll
    // through a long list. The overscan covers the frame they may come late for.
    useFlushSync: false,
    getItemKey,
    rangeExtractor,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0

  useEffect(() => {
    if (hasMore && lastIndex >= entries.length - PREFETCH_ROWS) onNearEnd()
  }, [hasMore, lastIndex, entries.length, onNearEnd])

  useEffect(() => {
    if (!focusOnRender.current || activeKey === null) return
    focusOnRender.current = false
    scrollRef.current
      ?.querySelector<HTMLElement>(`[data-dialog-id="${CSS.escape(activeKey)}"]`)
      ?.focus()
  })

  const moveTo = (index: number) => {
    const key = keys[Math.max(0, Math.min(keys.length - 1, index))]
    if (key === undefined) return
    focusOnRender.current = true
    setActiveKey(key)
    virtualizer.scrollToIndex(keys.indexOf(key), { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    if (target.matches('input[type="search"], input[type="text"], textarea')) return
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const onRow = target.matches('[data-dialog-id]')
    const active = entries[tabStopIndex]
    // A session waiting in the queue can only be opened.
    const dialog = active?.kind === 'dialog' ? active.dialog : null
    const markable = dialog && !dialog.waiting ? dialog : null
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(tabStopIndex + (activeIndex === -1 ? 0 : 1))
        break
      case 'ArrowUp':
      case 'k':
        moveTo(tabStopIndex - 1)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(keys.length - 1)
        break
      case ' ':
      case 'x':
        if (!markable || (event.key === ' ' && !onRow)) return
        props.onSelect(markable, !isSelected(selection, markable.key), event.shiftKey)
        break
      case 'u': {
        if (!markable) return
        const pending = marks.pending.get(markable.key)
        const unread = pending ?? (markable.markedUnread || markable.counter > 0)
        props.onToggle(markable, !unread)
        break
      }
      case 'Enter':
        if (!dialog || !onRow) return
        props.onOpen(dialog)
        break
      default:
        return
    }
    event.preventDefault()
  }

  const activate = useCallback((dialog: Dialog) => setActiveKey(dialog.key), [])
  const dismiss = marks.dismiss
  const onDismiss = useCallback((failure: RowFailure) => dismiss(failure.mutationId), [dismiss])

  return (
    <div
      ref={scrollRef}
      className="dialog-scroll"
      onKeyDown={onKeyDown}
      aria-busy={props.busy || undefined}
    >
      <ul
        className="dialog-list"
        aria-label={t('recentHeading')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index]
          if (!entry) return null
          const style = { transform: `translateY(${item.start}px)` }
          if (entry.kind === 'broken') {
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={style}
                className="dialog-row dialog-row--broken"
                aria-posinset={item.index + 1}
                aria-setsize={props.setSize}
              >
                {t('brokenRow')}
              </li>
            )
          }
          const { dialog } = entry
          return (
            <DialogRow
              key={item.key}
              rowRef={virtualizer.measureElement}
              offset={item.start}
              index={item.index}
              setSize={props.setSize}
              dialog={dialog}
              pendingUnread={marks.pending.get(dialog.key) ?? null}
              failure={marks.failures.get(dialog.key) ?? null}
              selected={!dialog.waiting && isSelected(selection, dialog.key)}
              active={item.index === tabStopIndex}
              nowMs={nowMs}
              onToggle={props.onToggle}
              onSelect={props.onSelect}
              onOpen={props.onOpen}
              onRetry={props.onRetry}
              onDismiss={onDismiss}
              onActivate={activate}
            />
          )
        })}
      </ul>
    </div>
  )
}
