import type { RecentItemPayload } from '../../recent/api/payload.ts'
import { toDialog, type DialogId } from '../../recent/model/dialog.ts'

/** What the portal holds about one dialog for this user: enough to say it and to put it back. */
export interface DialogState {
  dialogId: DialogId
  title: string
  /** Unread messages. */
  counter: number
  /** The last message this user has read (the recent item's `last_id`); 0 when unknown. */
  lastReadId: number
  /** The manual "unread" mark. */
  markedUnread: boolean
}

export function toDialogState(raw: unknown): DialogState | null {
  const dialog = toDialog(raw)
  if (!dialog) return null
  const lastId = (raw as RecentItemPayload).last_id
  return {
    dialogId: dialog.dialogId,
    title: dialog.title,
    counter: dialog.counter,
    lastReadId:
      typeof lastId === 'number' && Number.isSafeInteger(lastId) && lastId > 0 ? lastId : 0,
    markedUnread: dialog.markedUnread,
  }
}

export type MarkMethod =
  /** im.dialog.unread: the chosen message and every later one are unread again. */
  | 'messages'
  /** The portal has no im.dialog.unread: the dialog got the manual mark (im.recent.unread Y). */
  | 'manual'

export interface RestoreCommand {
  method: 'im.dialog.read' | 'im.dialog.unread' | 'im.recent.unread'
  params: Record<string, string | number>
}

/**
 * What puts a dialog back the way it was before "Mark unread from here", in the order to send
 * them. When the chosen message had been read, the dialog is read again up to the last message
 * read before (im.dialog.read MESSAGE_ID, PROTOCOL.md §4). When it was still unread, the
 * messages unread before it are made unread again from the first of them (a portal may have
 * moved its read cursor up to the chosen message). Then the manual mark is set back to what it
 * was (im.recent.unread is idempotent).
 */
export function restoreCommands(
  before: DialogState,
  method: MarkMethod,
  messageId: number,
): RestoreCommand[] {
  const commands: RestoreCommand[] = []
  if (method === 'messages' && before.lastReadId >= messageId) {
    commands.push({
      method: 'im.dialog.read',
      params: { DIALOG_ID: before.dialogId, MESSAGE_ID: before.lastReadId },
    })
  } else if (method === 'messages' && before.lastReadId > 0) {
    commands.push({
      method: 'im.dialog.unread',
      params: { DIALOG_ID: before.dialogId, MESSAGE_ID: before.lastReadId + 1 },
    })
  }
  commands.push({
    method: 'im.recent.unread',
    params: { DIALOG_ID: before.dialogId, ACTION: before.markedUnread ? 'Y' : 'N' },
  })
  return commands
}

/** The read-back shows the dialog as it was (a dialog is unread by its counter or its mark). */
export function isRestored(before: DialogState, after: DialogState): boolean {
  return after.counter === before.counter && after.markedUnread === before.markedUnread
}
