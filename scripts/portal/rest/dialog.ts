import { isPlainObject, intval } from './params.ts'
import { restErrors } from './errors.ts'
import { dialogRow, isDialogId } from '../data/store.ts'
import type { RecentItem } from '../data/generate.ts'
import type { MethodHandler } from './types.ts'

/**
 * Reading messages and making them unread again, as the im module does it (CIMRestService
 * dialogRead / dialogReadAll / dialogUnread → Bitrix\Im\Dialog → Bitrix\Im\V2\Reading\Reader).
 * A dialog's messages are its message ids up to `message.id`; the `counter` newest of them are
 * unread and `last_id` is the last one read. The manual mark (`unread`) is the recent row's.
 * Answer shape: b24restdocs api-reference/chats/messages/im-dialog-read.md.
 */

function lastMessageId(item: RecentItem): number {
  return isPlainObject(item.message) && typeof item.message.id === 'number' ? item.message.id : 0
}

function counterOf(item: RecentItem): number {
  return typeof item.counter === 'number' && item.counter > 0 ? item.counter : 0
}

function dialogIdOf(item: RecentItem): string {
  return item.type === 'chat' ? `chat${String(item.chat_id)}` : String(item.id)
}

export const imDialogRead: MethodHandler = (params, { userId, store }) => {
  // LAST_ID is the older name of MESSAGE_ID; a missing or non-positive id means "read all".
  const upTo = intval(params.LAST_ID ?? params.MESSAGE_ID)
  const dialogId = params.DIALOG_ID
  if (dialogId !== 'notify' && !isDialogId(dialogId)) throw restErrors.dialogIdEmpty()
  // Notifications are read as a whole and answer true (Dialog::read).
  if (dialogId === 'notify') return { result: true }
  const item = dialogRow(store.user(userId).items, dialogId)
  const last = item ? lastMessageId(item) : 0
  // No chat with this user (a placeholder colleague), or no message in it: nothing to read.
  if (!item || last <= 0) return { result: false }
  if (upTo <= 0) {
    // Reader::readAllInChat reads every message and also clears the manual mark
    // (RecentReader::read).
    item.counter = 0
    item.last_id = last
    item.unread = false
  } else {
    // Reader::read up to a message: counters of the messages up to it go, the cursor moves
    // forward only, and the manual mark stays (RecentReader::updateDateUpdate only).
    item.counter = Math.min(counterOf(item), Math.max(0, last - upTo))
    const lastRead = typeof item.last_id === 'number' ? item.last_id : 0
    item.last_id = Math.max(lastRead, Math.min(upTo, last))
  }
  return {
    result: {
      dialogId: dialogIdOf(item),
      chatId: typeof item.chat_id === 'number' ? item.chat_id : 0,
      counter: item.counter,
      lastId: item.last_id,
    },
  }
}

/** Reader::readAll: every counter and every manual mark of the user, open lines included. */
export const imDialogReadAll: MethodHandler = (_params, { userId, store }) => {
  for (const item of store.user(userId).items) {
    if (!isPlainObject(item)) continue
    item.counter = 0
    item.unread = false
    const last = lastMessageId(item)
    if (last > 0) item.last_id = last
  }
  return { result: true }
}

/**
 * im.dialog.unread: the messages from MESSAGE_ID on become unread (the cursor moves back to
 * just before it). MESSAGE_ID is checked first; the answer is `true` whatever happened
 * (CIMRestService::dialogUnread).
 */
export const imDialogUnread: MethodHandler = (params, { userId, store }) => {
  const from = intval(params.MESSAGE_ID)
  if (from <= 0) throw restErrors.firstUnreadMissing()
  if (!isDialogId(params.DIALOG_ID)) throw restErrors.dialogIdEmpty()
  const item = dialogRow(store.user(userId).items, params.DIALOG_ID)
  const last = item ? lastMessageId(item) : 0
  if (item && from <= last) {
    item.counter = last - from + 1
    item.last_id = from - 1
  }
  return { result: true }
}
