import { memo, useState } from 'react'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { openInMessenger } from '../../../bitrix24/messenger.ts'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { formatRelativeTime } from '../../../i18n/relative-time.ts'
import type { Translator } from '../../../i18n/translator.ts'
import { Avatar } from '../../../ui/Avatar.tsx'
import { Button } from '../../../ui/Button.tsx'
import { useDialogChange } from '../api/dialog-change.ts'
import { useMarkDialog } from '../api/mark-mutation.ts'
import { applyMark, isUnread, type Dialog } from '../model/dialog.ts'
import { failureReason } from '../model/failure-reason.ts'

function describeReason(t: Translator['t'], error: unknown): string {
  const reason = failureReason(error)
  return t(reason.key, { code: reason.code ?? '' })
}

const KIND_LABEL = { user: 'kindUser', chat: 'kindChat', openline: 'kindOpenLine' } as const

/** One recent dialog: what the portal holds, with the user's latest change shown on top of it. */
export const DialogRow = memo(function DialogRow({
  dialog,
  nowMs,
}: {
  dialog: Dialog
  nowMs: number
}) {
  const { t, plural, locale } = useI18n()
  const portal = usePortal()
  const mark = useMarkDialog(dialog.key)
  const change = useDialogChange(dialog.key)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)

  const shown = change.pendingUnread === null ? dialog : applyMark(dialog, change.pendingUnread)
  const unread = isUnread(shown)
  const pending = change.pendingUnread !== null
  const title = dialog.title || t('untitled')
  const failure =
    change.failure && change.failure.submittedAt !== dismissedAt ? change.failure : null
  const failureId = `failure-${dialog.key}`

  const toggle = () => mark.mutate({ dialogId: dialog.dialogId, unread: !unread })

  return (
    <li
      className={`dialog-row${unread ? ' dialog-row--unread' : ''}`}
      data-dialog-id={dialog.key}
      data-unread={unread}
      data-pending={pending || undefined}
    >
      <Avatar url={dialog.avatarUrl} color={dialog.color} name={title} />
      <div className="dialog-row__main">
        <div className="dialog-row__top">
          <button
            type="button"
            className="dialog-row__title"
            onClick={() => openInMessenger(portal, dialog.dialogId)}
            aria-label={t('openChat', { title })}
          >
            <bdi>{title}</bdi>
          </button>
          {dialog.pinned && (
            <span className="dialog-row__pin" title={t('pinned')}>
              <span className="visually-hidden">{t('pinned')}</span>
              <span aria-hidden="true">📌</span>
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
              {t(failure.variables.unread ? 'changeFailedUnread' : 'changeFailedRead', {
                title,
                reason: describeReason(t, failure.error),
              })}
            </span>
            <Button variant="ghost" onClick={() => mark.mutate(failure.variables)}>
              {t('retry')}
            </Button>
            <Button variant="ghost" onClick={() => setDismissedAt(failure.submittedAt)}>
              {t('dismiss')}
            </Button>
          </div>
        )}
      </div>
      <Button
        className="dialog-row__toggle"
        variant={unread ? 'primary' : 'secondary'}
        onClick={toggle}
        aria-label={t(unread ? 'markReadFor' : 'markUnreadFor', { title })}
        aria-describedby={failure ? failureId : undefined}
      >
        {t(unread ? 'markRead' : 'markUnread')}
      </Button>
    </li>
  )
})
