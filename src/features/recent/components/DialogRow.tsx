import { memo, type MouseEvent, type Ref } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { formatRelativeTime } from '../../../i18n/relative-time.ts'
import { Avatar } from '../../../ui/Avatar.tsx'
import { Button } from '../../../ui/Button.tsx'
import { Icon } from '../../../ui/Icon.tsx'
import type { RowFailure } from '../api/pending-marks.ts'
import { applyMark, isUnread, type Dialog } from '../model/dialog.ts'
import { isUnreadFact } from '../model/facts.ts'
import { describeFailure } from '../model/failure-reason.ts'

const KIND_LABEL = { user: 'kindUser', chat: 'kindChat', openline: 'kindOpenLine' } as const

export interface DialogRowProps {
  dialog: Dialog
  /** The state the user asked for last, still on its way to the server; null when none. */
  pendingUnread: boolean | null
  failure: RowFailure | null
  selected: boolean
  active: boolean
  nowMs: number
  index: number
  setSize: number
  rowRef?: Ref<HTMLLIElement>
  /** Where the virtualised list puts the row (px from the top); a number keeps memo() effective. */
  offset: number
  onToggle(dialog: Dialog, unread: boolean): void
  onSelect(dialog: Dialog, selected: boolean, range: boolean): void
  onOpen(dialog: Dialog): void
  onRetry(failure: RowFailure): void
  onDismiss(failure: RowFailure): void
  onActivate(dialog: Dialog): void
}

/** One recent dialog: what the portal holds, with the user's latest change shown on top of it. */
export const DialogRow = memo(function DialogRow(props: DialogRowProps) {
  const { dialog, pendingUnread, failure, selected, active, nowMs } = props
  const { t, plural, locale } = useI18n()

  const shown = pendingUnread === null ? dialog : applyMark(dialog, pendingUnread)
  const unread = isUnread(shown)
  const title = dialog.title || t('untitled')
  const failureId = `failure-${dialog.key}`

  return (
    <li
      ref={props.rowRef}
      style={{ transform: `translateY(${props.offset}px)` }}
      data-index={props.index}
      className={`dialog-row${unread ? ' dialog-row--unread' : ''}${selected ? ' dialog-row--selected' : ''}${dialog.muted ? ' dialog-row--muted' : ''}`}
      data-dialog-id={dialog.key}
      data-unread={unread}
      data-pending={pendingUnread !== null || undefined}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      tabIndex={active ? 0 : -1}
      onFocus={() => props.onActivate(dialog)}
    >
      {dialog.waiting ? (
        // Nothing to select: no change of a waiting session would be accepted.
        <span className="dialog-row__select-area" />
      ) : (
        // The label is the checkbox's touch target: a finger needs more than the box itself.
        <label className="dialog-row__select-area">
          <input
            type="checkbox"
            className="dialog-row__select"
            checked={selected}
            aria-label={t('selectDialog', { title })}
            onClick={(event: MouseEvent<HTMLInputElement>) =>
              props.onSelect(dialog, event.currentTarget.checked, event.shiftKey)
            }
            onChange={() => {}}
          />
        </label>
      )}
      <Avatar url={dialog.avatarUrl} color={dialog.color} name={title} />
      <div className="dialog-row__main">
        <div className="dialog-row__top">
          <button
            type="button"
            className="dialog-row__title"
            onClick={() => props.onOpen(dialog)}
            aria-label={t('openChat', { title })}
            tabIndex={-1}
          >
            <bdi>{title}</bdi>
          </button>
          {dialog.pinned && (
            <span className="dialog-row__pin" title={t('pinned')}>
              <span className="visually-hidden">{t('pinned')}</span>
              <Icon name="pin" size={14} />
            </span>
          )}
          {dialog.muted && (
            <span className="dialog-row__muted" title={t('mutedChat')} data-muted="true">
              <span className="visually-hidden">{t('mutedChat')}</span>
              <Icon name="muted" size={14} />
            </span>
          )}
          <span className="dialog-row__kind">{t(KIND_LABEL[dialog.kind])}</span>
          {dialog.lastActivityMs !== null && (
            <time
              className="dialog-row__time"
              dateTime={new Date(dialog.lastActivityMs).toISOString()}
            >
              {formatRelativeTime(dialog.lastActivityMs, nowMs, locale)}
            </time>
          )}
        </div>
        <div className="dialog-row__bottom">
          {dialog.waiting && <span className="dialog-row__waiting">{t('waitingInQueue')}</span>}
          <span className="dialog-row__preview">
            <bdi>{dialog.preview || t('noMessages')}</bdi>
          </span>
          {shown.counter > 0 && (
            <span className="counter" title={plural('unreadCount', shown.counter)}>
              <span aria-hidden="true">{shown.counter > 99 ? '99+' : shown.counter}</span>
              <span className="visually-hidden">{plural('unreadCount', shown.counter)}</span>
            </span>
          )}
          {shown.markedUnread && shown.counter === 0 && (
            <span className="unread-dot" title={t('markedUnread')}>
              <span className="visually-hidden">{t('markedUnread')}</span>
            </span>
          )}
        </div>
        {failure && (
          <div className="dialog-row__failure" id={failureId} role="alert">
            <span>
              {t(failure.change.unread ? 'changeFailedUnread' : 'changeFailedRead', {
                title,
                reason: describeFailure(t, failure.error),
              })}
              {failure.truth && ` ${t(isUnreadFact(failure.truth) ? 'nowUnread' : 'nowRead')}`}
            </span>
            <Button variant="ghost" onClick={() => props.onRetry(failure)}>
              {t('retry')}
            </Button>
            <Button variant="ghost" onClick={() => props.onDismiss(failure)}>
              {t('dismiss')}
            </Button>
          </div>
        )}
      </div>
      {dialog.waiting ? (
        // Nothing to change: a waiting session is taken in the messenger first.
        <span />
      ) : (
        // Quiet, as in the messenger: an icon that shows on hover and focus (always to a finger).
        <Button
          variant="ghost"
          className="dialog-row__toggle"
          onClick={() => props.onToggle(dialog, !unread)}
          aria-label={t(unread ? 'markReadFor' : 'markUnreadFor', { title })}
          aria-describedby={failure ? failureId : undefined}
          title={t(unread ? 'markRead' : 'markUnread')}
          data-tooltip={t(unread ? 'markRead' : 'markUnread')}
        >
          <Icon name={unread ? 'done' : 'unread'} size={18} />
        </Button>
      )}
    </li>
  )
})
