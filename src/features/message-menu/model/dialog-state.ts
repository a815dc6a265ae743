import type { DialogCount } from '../../recent/model/counters.ts'
import type { DialogId } from '../../recent/model/dialog.ts'

/**
 * What the portal holds about one dialog for this user before "Mark unread from here": enough
 * to say it and to put it back exactly.
 */
export interface DialogState {
  dialogId: DialogId
  title: string
  /** Unread messages and the manual mark, as the portal's counters have them. */
  counter: number
  markedUnread: boolean
  /** The last message this user has read (the read cursor); 0 when none is. */
  lastReadId: number
  /** The first message after it, unread; null when everything is read. */
  firstUnreadId: number | null
}

/** One message of im.dialog.messages.get, as far as the cursor goes. */
export interface CursorMessage {
  id: number
  /** `true` past the user's read cursor (the portal's RELATION_LAST_ID < id). */
  unread: boolean
}

/**
 * The read cursor in a page of the dialog's newest messages: the newest message read, and the
 * first unread one after it. Message ids are global across the portal, so neither is "the other
 * plus one" (docs/bitrix24-facts.md, "Message ids").
 */
export function readCursor(
  messages: readonly CursorMessage[],
): Pick<DialogState, 'lastReadId' | 'firstUnreadId'> {
  let lastReadId = 0
  for (const message of messages) if (!message.unread) lastReadId = Math.max(lastReadId, message.id)
  let firstUnreadId: number | null = null
  for (const message of messages) {
    if (message.unread && message.id > lastReadId)
      firstUnreadId = Math.min(firstUnreadId ?? message.id, message.id)
  }
  return { lastReadId, firstUnreadId }
}

export type MarkMethod =
  /** im.dialog.unread: the chosen message and every later one are unread again. */
  | 'messages'
  /** The chat's manual mark (im.recent.unread Y): the portal has no im.dialog.unread, or the user chose it. */
  | 'manual'

export interface RestoreCommand {
  method: 'im.dialog.read' | 'im.dialog.unread' | 'im.recent.unread'
  params: Record<string, string | number>
}

/**
 * What puts a dialog back the way it was before it was marked, as commands to send together.
 * im.dialog.unread makes the messages from the chosen one on unread and moves the read cursor to
 * just before it; it never touches the manual mark. So when the chosen message had been read, the
 * dialog is read again up to the last message read before (im.dialog.read MESSAGE_ID: exactly the
 * messages that became unread, and the cursor back). When it was still unread, nothing became
 * unread, but the cursor moved forward: marking from the first unread message moves it back.
 * A manual mark is taken back by setting the mark to what it was.
 */
export function restoreCommands(
  before: DialogState,
  method: MarkMethod,
  messageId: number,
): RestoreCommand[] {
  const { dialogId } = before
  if (method === 'manual') {
    const action = before.markedUnread ? 'Y' : 'N'
    return [{ method: 'im.recent.unread', params: { DIALOG_ID: dialogId, ACTION: action } }]
  }
  if (before.firstUnreadId !== null && messageId >= before.firstUnreadId) {
    return [
      {
        method: 'im.dialog.unread',
        params: { DIALOG_ID: dialogId, MESSAGE_ID: before.firstUnreadId },
      },
    ]
  }
  return [
    { method: 'im.dialog.read', params: { DIALOG_ID: dialogId, MESSAGE_ID: before.lastReadId } },
  ]
}

/** The read-back shows the dialog as it was (a dialog is unread by its counter or its mark). */
export function isRestored(before: DialogState, after: DialogCount): boolean {
  return after.counter === before.counter && after.marked === before.markedUnread
}
