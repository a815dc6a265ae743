import { useMutation } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { openInMessenger } from '../../../bitrix24/messenger.ts'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { Translator } from '../../../i18n/translator.ts'
import { Button } from '../../../ui/Button.tsx'
import { Icon } from '../../../ui/Icon.tsx'
import { MessageScreen } from '../../../ui/MessageScreen.tsx'
import { tellOtherCopies } from '../../recent/hooks/use-cross-tab.ts'
import { describeFailure } from '../../recent/model/failure-reason.ts'
import { isUnread } from '../../recent/model/dialog.ts'
import {
  markUnreadFrom,
  NotConfirmedError,
  restoreDialog,
  type MarkedFrom,
} from '../api/mark-from.ts'
import { readMenuTarget, type MenuTarget } from '../model/menu-target.ts'
import './message-menu.css'

function reason(t: Translator['t'], error: unknown): string {
  return error instanceof NotConfirmedError ? t('reasonNotConfirmed') : describeFailure(t, error)
}

/**
 * Opened from a message's menu (IM_CONTEXT_MENU). The menu click was the user's action, so the
 * dialog is marked unread from that message at once; the screen says what happened, offers Undo,
 * and opens the chat. Other open copies of the app (the list) are told to refetch.
 */
export function MessageMenuScreen() {
  const { t } = useI18n()
  const portal = usePortal()
  const target = useMemo(() => readMenuTarget(portal.placement.options), [portal])
  if (!target) {
    return (
      <MessageScreen tone="error" icon="alert" title={t('menuBadTitle')}>
        <p>{t('menuBadBody')}</p>
      </MessageScreen>
    )
  }
  return <MarkFromMessage target={target} />
}

function MarkFromMessage({ target }: { target: MenuTarget }) {
  const { t, plural } = useI18n()
  const portal = usePortal()
  const announce = (unread: boolean) =>
    tellOtherCopies(portal, [{ dialogId: target.dialogId, unread }])
  const mark = useMutation({
    mutationFn: () => markUnreadFrom(portal, target),
    // Even a change that could not be confirmed may have reached the server: the list refetches.
    onSettled: () => announce(true),
  })
  const undo = useMutation({
    mutationFn: (marked: MarkedFrom) => restoreDialog(portal, marked),
    onSettled: (after) => announce(after ? isUnread(after) : false),
  })
  const { mutate } = mark
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    mutate()
  }, [mutate])

  const marked = mark.data
  const title = marked?.after.title || t('untitled')
  const openChat = (
    <Button onClick={() => openInMessenger(portal, target.dialogId)}>
      {t('openChat', { title })}
    </Button>
  )

  return (
    <main className="menu-screen">
      <div className="menu-screen__card" aria-busy={mark.isPending || undo.isPending || undefined}>
        <h1 className="menu-screen__title">{t('menuHeading')}</h1>

        {mark.isError ? (
          <div className="menu-screen__alert" role="alert">
            <Icon name="alert" size={20} />
            <p>{t('menuFailed', { reason: reason(t, mark.error) })}</p>
            <Button onClick={() => mutate()}>{t('retry')}</Button>
          </div>
        ) : !marked ? (
          <p className="menu-screen__status" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('menuWorking')}
          </p>
        ) : undo.isSuccess ? (
          <p className="menu-screen__status" role="status" data-outcome="undone">
            <Icon name="done" size={20} />
            {t('menuUndone', { title })}
          </p>
        ) : (
          <div className="menu-screen__status" role="status" data-outcome={marked.method}>
            <Icon name="done" size={20} />
            <div>
              <p>{t(marked.method === 'messages' ? 'menuDone' : 'menuDoneManual')}</p>
              <p className="menu-screen__state">
                <bdi>{title}</bdi>
                {': '}
                {marked.after.counter > 0
                  ? plural('unreadCount', marked.after.counter)
                  : t('markedUnread')}
              </p>
            </div>
          </div>
        )}

        {undo.isError && marked && (
          <div className="menu-screen__alert" role="alert">
            <Icon name="alert" size={20} />
            <p>{t('menuUndoFailed', { reason: reason(t, undo.error) })}</p>
            <Button onClick={() => undo.mutate(marked)}>{t('retry')}</Button>
          </div>
        )}

        {marked && (
          <div className="menu-screen__actions">
            {!undo.isSuccess && !undo.isError && (
              <Button
                variant="primary"
                busy={undo.isPending}
                aria-disabled={undo.isPending}
                onClick={() => !undo.isPending && undo.mutate(marked)}
              >
                {t('undo')}
              </Button>
            )}
            {openChat}
          </div>
        )}
      </div>
    </main>
  )
}
