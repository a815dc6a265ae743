import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch, callMethod, RestError } from '../../../bitrix24/rest.ts'
import { PAGE_SIZE } from '../../recent/api/list-query.ts'
import { DialogGoneError } from '../../recent/api/commands.ts'
import type { RecentListPayload } from '../../recent/api/payload.ts'
import { isUnread, type DialogId } from '../../recent/model/dialog.ts'
import {
  isRestored,
  restoreCommands,
  toDialogState,
  type DialogState,
  type MarkMethod,
} from '../model/dialog-state.ts'
import type { MenuTarget } from '../model/menu-target.ts'

/** The portal answered `true` but reading the dialog back shows it did not do what was asked. */
export class NotConfirmedError extends Error {
  constructor() {
    super('Bitrix24 answered, but the chat does not show the change')
    this.name = 'NotConfirmedError'
  }
}

/**
 * The dialog's state as the recent list holds it, paging (OFFSET by LIMIT, as the docs say) until
 * the dialog turns up. The chat whose message was just clicked is nearly always on the first page.
 */
export async function readDialog(portal: Portal, dialogId: DialogId): Promise<DialogState> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await callMethod<RecentListPayload>(portal, 'im.recent.list', {
      OFFSET: offset,
      LIMIT: PAGE_SIZE,
    })
    const items = Array.isArray(page?.items) ? page.items : []
    for (const item of items) {
      const state = toDialogState(item)
      if (state && String(state.dialogId) === String(dialogId)) return state
    }
    if ((page?.hasMore ?? page?.hasMorePages) !== true || items.length === 0) {
      throw new DialogGoneError()
    }
  }
}

export interface MarkedFrom {
  target: MenuTarget
  method: MarkMethod
  before: DialogState
  after: DialogState
}

async function sendMark(portal: Portal, { dialogId, messageId }: MenuTarget): Promise<MarkMethod> {
  try {
    await callMethod(portal, 'im.dialog.unread', { DIALOG_ID: dialogId, MESSAGE_ID: messageId })
    return 'messages'
  } catch (error) {
    // Portals before im.dialog.unread: the chat can still be marked unread as a whole.
    if (!(error instanceof RestError) || error.code !== 'ERROR_METHOD_NOT_FOUND') throw error
  }
  const done = await callMethod<boolean>(portal, 'im.recent.unread', {
    DIALOG_ID: dialogId,
    ACTION: 'Y',
  })
  if (done !== true) throw new DialogGoneError()
  return 'manual'
}

/**
 * "Mark unread from here": notes how the dialog was, marks it, and reads it back — im.dialog.unread
 * answers `true` whatever happened (PROTOCOL.md §4), so only the read-back says it worked.
 */
export async function markUnreadFrom(portal: Portal, target: MenuTarget): Promise<MarkedFrom> {
  const before = await readDialog(portal, target.dialogId)
  const method = await sendMark(portal, target)
  const after = await readDialog(portal, target.dialogId)
  if (!isUnread(after)) throw new NotConfirmedError()
  return { target, method, before, after }
}

/** Undo: puts the dialog back as it was (one batch request), and reads it back to be sure. */
export async function restoreDialog(portal: Portal, marked: MarkedFrom): Promise<DialogState> {
  const commands = restoreCommands(marked.before, marked.method, marked.target.messageId)
  const outcomes = await callBatch<unknown>(
    portal,
    Object.fromEntries(commands.map((command, index) => [`step${index}`, command])),
  )
  for (const outcome of outcomes.values()) if (!outcome.ok) throw outcome.error
  const after = await readDialog(portal, marked.target.dialogId)
  if (!isRestored(marked.before, after)) throw new NotConfirmedError()
  return after
}
