import type { Portal } from '../../../bitrix24/connection.ts'
import { callBatch, callMethod, RestError, resultOf } from '../../../bitrix24/rest.ts'
import { DialogGoneError } from '../../recent/model/mark-change.ts'
import { COUNTERS_COMMAND } from '../../recent/api/counters.ts'
import { PROFILE_COMMAND, readProfileId } from '../../recent/api/current-user.ts'
import type { DialogPayload, MessagePayload, MessagesPayload } from '../../recent/types/payload.ts'
import { countOf, readCounters, type DialogCount } from '../../recent/model/counters.ts'
import {
  isRestored,
  readCursor,
  restoreCommands,
  type DialogState,
  type MarkMethod,
} from '../model/dialog-state.ts'
import type { MenuTarget } from '../model/menu-target.ts'

/** The portal answered `true` but reading the dialog back shows it did not do what was asked. */
export class NotConfirmedError extends Error {
  /** What the read-back showed. */
  readonly after: ReadBack
  constructor(after: ReadBack) {
    super('Bitrix24 answered, but the chat does not show the change')
    this.name = 'NotConfirmedError'
    this.after = after
  }
}

/** The message the menu was opened on is not one of this dialog's (or no longer exists). */
export class MessageNotFoundError extends Error {
  constructor() {
    super('The message is not in this chat')
    this.name = 'MessageNotFoundError'
  }
}

/** The dialog before the mark, and whether the chosen message is the user's own. */
export interface Inspection {
  before: DialogState
  /** The key the portal's counters know the dialog by (`12`, `chat34`). */
  countKey: string
  /** The user's own messages never count as unread for the user. */
  own: boolean
  /** The current user's id (0 when the portal did not say). */
  userId: number
}

/** The dialog as the portal's counters held it when the read-back's request left. */
export interface ReadBack extends DialogCount {
  at: number
}

/** How many of the newest messages show where the read cursor is (the portal's maximum). */
const NEWEST = 50

const messagesOf = (payload: MessagesPayload | false | null): MessagePayload[] => {
  if (!payload) throw new DialogGoneError()
  return Array.isArray(payload.messages) ? payload.messages : []
}

const positiveId = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0

/**
 * Everything "Mark unread from here" needs to know, in one request: the dialog (its title), the
 * chosen message (is it this dialog's, whose is it), the newest messages (where the read cursor
 * is, so Undo can put it back), the portal's counters (unread messages and the mark) and the
 * user's id.
 */
export async function inspect(portal: Portal, target: MenuTarget): Promise<Inspection> {
  const { dialogId, messageId } = target
  const outcomes = await callBatch<unknown>(portal, {
    dialog: { method: 'im.dialog.get', params: { DIALOG_ID: dialogId } },
    // Newest first, below the id after the chosen one: the chosen message if it is this dialog's.
    chosen: {
      method: 'im.dialog.messages.get',
      params: { DIALOG_ID: dialogId, LAST_ID: messageId + 1, LIMIT: 1 },
    },
    newest: { method: 'im.dialog.messages.get', params: { DIALOG_ID: dialogId, LIMIT: NEWEST } },
    counters: COUNTERS_COMMAND,
    profile: PROFILE_COMMAND,
  })
  const dialog = resultOf<DialogPayload | null>(outcomes, 'dialog')
  const chosen = messagesOf(resultOf<MessagesPayload | false>(outcomes, 'chosen'))[0]
  if (positiveId(chosen?.id) !== messageId) throw new MessageNotFoundError()
  const newest = resultOf<MessagesPayload | false>(outcomes, 'newest')
  const counters = readCounters(resultOf<unknown>(outcomes, 'counters'))
  if (!counters) throw new RestError('ERROR_UNEXPECTED_ANSWER', 0, 'im.counters.get')
  const userId = readProfileId(resultOf<unknown>(outcomes, 'profile'))

  const chatId = positiveId(dialog?.id) || positiveId(newest ? newest.chat_id : 0)
  const countKey = typeof dialogId === 'number' ? String(dialogId) : `chat${chatId}`
  const count = countOf(counters, countKey)
  const cursor = readCursor(
    messagesOf(newest).map((message) => ({
      id: positiveId(message.id),
      unread: message.unread === true,
    })),
  )
  const partner =
    newest && Array.isArray(newest.users)
      ? newest.users.find((user) => String(user.id) === String(dialogId))?.name
      : undefined
  return {
    before: {
      dialogId,
      title: typeof dialog?.name === 'string' && dialog.name ? dialog.name : (partner ?? ''),
      counter: count.counter,
      markedUnread: count.marked,
      ...cursor,
    },
    countKey,
    own: userId > 0 && chosen?.author_id === userId,
    userId,
  }
}

/** The dialog as the portal's counters hold it now: one request. */
async function readBack(portal: Portal, countKey: string): Promise<ReadBack> {
  const at = Date.now()
  const counters = readCounters(await callMethod<unknown>(portal, COUNTERS_COMMAND.method))
  if (!counters) throw new RestError('ERROR_UNEXPECTED_ANSWER', 0, 'im.counters.get')
  return { ...countOf(counters, countKey), at }
}

export interface MarkedFrom {
  target: MenuTarget
  inspection: Inspection
  method: MarkMethod
  after: ReadBack
}

async function markChatUnread(portal: Portal, dialogId: MenuTarget['dialogId']) {
  const done = await callMethod<boolean>(portal, 'im.recent.unread', {
    DIALOG_ID: dialogId,
    ACTION: 'Y',
  })
  if (done !== true) throw new DialogGoneError()
}

async function sendMark(portal: Portal, { dialogId, messageId }: MenuTarget): Promise<MarkMethod> {
  try {
    await callMethod(portal, 'im.dialog.unread', { DIALOG_ID: dialogId, MESSAGE_ID: messageId })
    return 'messages'
  } catch (error) {
    // Portals before im.dialog.unread: the chat can still be marked unread as a whole.
    if (!(error instanceof RestError) || error.code !== 'ERROR_METHOD_NOT_FOUND') throw error
  }
  await markChatUnread(portal, dialogId)
  return 'manual'
}

/**
 * "Mark unread from here": marks the dialog and reads it back — im.dialog.unread answers `true`
 * whatever happened, so only the portal's counters say it worked: unread messages for a mark
 * from a message, the chat's mark for a manual one.
 */
export async function markUnreadFrom(
  portal: Portal,
  target: MenuTarget,
  inspection: Inspection,
): Promise<MarkedFrom> {
  const method = await sendMark(portal, target)
  return confirmed(portal, target, inspection, method)
}

/** The whole chat's manual mark: what is offered when the chosen message is the user's own. */
export async function markChat(
  portal: Portal,
  target: MenuTarget,
  inspection: Inspection,
): Promise<MarkedFrom> {
  await markChatUnread(portal, target.dialogId)
  return confirmed(portal, target, inspection, 'manual')
}

async function confirmed(
  portal: Portal,
  target: MenuTarget,
  inspection: Inspection,
  method: MarkMethod,
): Promise<MarkedFrom> {
  const after = await readBack(portal, inspection.countKey)
  if (method === 'messages' ? after.counter === 0 : !after.marked)
    throw new NotConfirmedError(after)
  return { target, inspection, method, after }
}

/** Undo: puts the dialog back as it was (one request), and reads it back to be sure. */
export async function restoreDialog(portal: Portal, marked: MarkedFrom): Promise<ReadBack> {
  const { before } = marked.inspection
  const commands = restoreCommands(before, marked.method, marked.target.messageId)
  const outcomes = await callBatch<unknown>(
    portal,
    Object.fromEntries(commands.map((command, index) => [`step${index}`, command])),
  )
  for (const outcome of outcomes.values()) if (!outcome.ok) throw outcome.error
  const after = await readBack(portal, marked.inspection.countKey)
  if (!isRestored(before, after)) throw new NotConfirmedError(after)
  return after
}
