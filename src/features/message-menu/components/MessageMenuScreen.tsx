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
import type { Fact } from '../../recent/model/facts.ts'
import { describeFailure } from '../../recent/model/failure-reason.ts'
import {
  inspect,
  markChat,
  markUnreadFrom,
  MessageNotFoundError,
  NotConfirmedError,
  restoreDialog,
  type Inspection,
  type MarkedFrom,
  type ReadBack,
} from '../api/mark-from.ts'
import { readMenuTarget, type MenuTarget } from '../model/menu-target.ts'
import './message-menu.css'

function reason(t: Translator['t'], error: unknown): string {
  if (error instanceof NotConfirmedError) return t('reasonNotConfirmed')
  if (error instanceof MessageNotFoundError) return t('reasonMessageNotFound')
  return describeFailure(t, error)
}

/**
 * Opened from a message's menu (IM_CONTEXT_MENU). The menu click was the user's action, so the
 * dialog is marked unread from that message at once — unless it is the user's own message, which
 * never counts as unread: then the screen says so and offers the chat's mark instead. It says what
 * happened, offers Undo, and opens the chat. Other open copies of the app (the list) are told to
 * refetch.
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

/** What the first step did: marked the dialog, or found the user's own message and stopped. */
type FirstStep = { marked: MarkedFrom } | { own: Inspection }

function MarkFromMessage({ target }: { target: MenuTarget }) {
  const { t, plural } = useI18n()
  const portal = usePortal()
  /**
   * Tells the list in other tabs what the portal held when last read back here; nothing read back
   * (a failure) asks them to read their lists again.
   */
  const announce = (inspection: Inspection | undefined, after: ReadBack | undefined) => {
    const fact: Fact | undefined = after && {
      at: after.at,
      markedUnread: after.marked,
      counter: after.counter,
    }
    tellOtherCopies(
      portal,
      inspection?.userId ?? 0,
      inspection && fact ? [[inspection.countKey, fact]] : [],
    )
  }
  const readBackOf = (error: unknown) =>
    error instanceof NotConfirmedError ? error.after : undefined
  const mark = useMutation({
    mutationFn: async (): Promise<FirstStep> => {
      const inspection = await inspect(portal, target)
      if (inspection.own) return { own: inspection }
      return { marked: await markUnreadFrom(portal, target, inspection) }
    },
    // Even a change that could not be confirmed may have reached the server.
    onSettled: (step, error) => {
      if (step && 'own' in step) return
      announce(step?.marked.inspection, step?.marked.after ?? readBackOf(error))
    },
  })
  const chat = useMutation({
    mutationFn: (inspection: Inspection) => markChat(portal, target, inspection),
    onSettled: (marked, error, inspection) =>
      announce(inspection, marked?.after ?? readBackOf(error)),
  })
  const undo = useMutation({
    mutationFn: (marked: MarkedFrom) => restoreDialog(portal, marked),
    onSettled: (after, error, marked) => announce(marked.inspection, after ?? readBackOf(error)),
  })
  const { mutate } = mark
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    mutate()
  }, [mutate])

  const step = mark.data
  const own = step && 'own' in step ? step.own : null
  const marked = step && 'marked' in step ? step.marked : chat.data
  const title = (marked?.inspection ?? own)?.before.title || t('untitled')
  const openChat = (
    <Button onClick={() => openInMessenger(portal, target.dialogId)}>
      {t('openChat', { title })}
    </Button>
  )
  const busy = mark.isPending || chat.isPending || undo.isPending

  return (
    <main className="menu-screen">
      <div className="menu-screen__card" aria-busy={busy || undefined}>
        <h1 className="menu-screen__title">{t('menuHeading')}</h1>

        {mark.isError ? (
          <div className="menu-screen__alert" role="alert">
            <Icon name="alert" size={20} />
            <p>{t('menuFailed', { reason: reason(t, mark.error) })}</p>
            <Button onClick={() => mutate()}>{t('retry')}</Button>
          </div>
        ) : marked ? (
          undo.isSuccess ? (
            <p className="menu-screen__status" role="status" data-outcome="undone">
              <Icon name="done" size={20} />
              {t('menuUndone', { title })}
            </p>
          ) : (
            <div className="menu-screen__status" role="status" data-outcome={marked.method}>
              <Icon name="done" size={20} />
              <div>
                <p>
                  {chat.data
                    ? t('menuChatMarked')
                    : t(marked.method === 'messages' ? 'menuDone' : 'menuDoneManual')}
                </p>
                <p className="menu-screen__state">
                  <bdi>{title}</bdi>
                  {': '}
                  {marked.after.counter > 0
                    ? plural('unreadCount', marked.after.counter)
                    : t('markedUnread')}
                </p>
              </div>
            </div>
          )
        ) : own ? (
          <div className="menu-screen__status" role="status" data-outcome="own">
            <Icon name="alert" size={20} />
            <p>{t('menuOwnMessage')}</p>
          </div>
        ) : (
          <p className="menu-screen__status" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('menuWorking')}
          </p>
        )}

        {chat.isError && own && (
          <div className="menu-screen__alert" role="alert">
            <Icon name="alert" size={20} />
            <p>{t('menuFailed', { reason: reason(t, chat.error) })}</p>
            <Button onClick={() => chat.mutate(own)}>{t('retry')}</Button>
          </div>
        )}

        {undo.isError && marked && (
          <div className="menu-screen__alert" role="alert">
            <Icon name="alert" size={20} />
            <p>{t('menuUndoFailed', { reason: reason(t, undo.error) })}</p>
            <Button onClick={() => undo.mutate(marked)}>{t('retry')}</Button>
          </div>
        )}

        {(marked || own) && (
          <div className="menu-screen__actions">
            {marked
              ? !undo.isSuccess &&
                !undo.isError && (
                  <Button
                    variant="primary"
                    busy={undo.isPending}
                    aria-disabled={undo.isPending}
                    onClick={() => !undo.isPending && undo.mutate(marked)}
                  >
                    {t('undo')}
                  </Button>
                )
              : own &&
                !chat.isError && (
                  <Button
                    variant="primary"
                    busy={chat.isPending}
                    aria-disabled={chat.isPending}
                    onClick={() => !chat.isPending && chat.mutate(own)}
                  >
                    {t('menuMarkChat')}
                  </Button>
                )}
            {openChat}
          </div>
        )}
      </div>
    </main>
  )
}
