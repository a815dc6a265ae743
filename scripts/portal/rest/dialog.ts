import { isPlainObject, intval } from './params.ts'
import { restErrors } from './errors.ts'
import { dialogRow, isDialogId } from '../data/store.ts'
import type { PortalStore } from '../data/store.ts'
import type { RecentItem } from '../data/generate.ts'
import { isOpenLine } from '../data/chat-kind.ts'
import { lastMessageId } from '../data/history.ts'
import { readEverything, readUpTo, unreadFrom } from '../data/reading.ts'
import type { MethodHandler } from './types.ts'

/**
 * Reading messages and making them unread again, as the im module does it (classes/general/
 * im_rest.php, CIMRestService dialogRead / dialogReadAll / dialogUnread → lib/dialog.php,
 * Dialog → lib/V2/Reading/Reader.php). What one dialog goes through is data/reading.ts; which
 * messages a dialog holds is data/history.ts.
 */

/** CIMChat::SetReadMessage caps a chat's counter: `((int)$counter > 99) ? 100 : $counter`. */
const CHAT_COUNTER_CAP = 100

/**
 * The answer of a read, camel-cased by CIMRestService::objectEncode: a one-to-one dialog's
 * DIALOG_ID is the partner's id as an int and its COUNTER is not capped
 * (CIMMessage::SetReadMessage); a chat's is `chatN` and capped (CIMChat::SetReadMessage).
 */
function readAnswer(item: RecentItem, counter: number): Record<string, unknown> {
  const chatId = typeof item.chat_id === 'number' ? item.chat_id : 0
  const lastId = typeof item.last_id === 'number' ? item.last_id : 0
  if (item.type === 'user') return { dialogId: Number(item.id), chatId, lastId, counter }
  return {
    dialogId: `chat${chatId}`,
    chatId,
    lastId,
    counter: counter > CHAT_COUNTER_CAP - 1 ? CHAT_COUNTER_CAP : counter,
  }
}

/** Reader::readChildren: the comment chats under a channel are read along with it. */
function readComments(store: PortalStore, userId: number, item: RecentItem): void {
  if (typeof item.chat_id === 'number') store.user(userId).comments.delete(item.chat_id)
}

/**
 * im.dialog.read: LAST_ID, when set, overwrites MESSAGE_ID; a value ≤ 0 means none. With an id
 * the dialog is read up to it; without one it is read to the end, the mark cleared and the
 * channel's comments read. `notify` reads the notifications (Dialog::read → MarkNotifyRead) and
 * answers true. `false` when the user has no such dialog (no chat yet, a queued open line).
 */
export const imDialogRead: MethodHandler = (params, { userId, store }) => {
  const upTo = intval(params.LAST_ID ?? params.MESSAGE_ID)
  const dialogId = params.DIALOG_ID
  if (dialogId !== 'notify' && !isDialogId(dialogId)) throw restErrors.dialogIdEmpty()
  if (dialogId === 'notify') {
    store.user(userId).notify = 0
    return { result: true }
  }
  const item = dialogRow(store.user(userId).items, dialogId)
  if (!item) return { result: false }
  const history = store.histories.of(item, userId)
  // A chat without messages: Reader::readAllInChat returns ReadResult(0) before touching anything.
  if (!history) return { result: readAnswer(item, 0) }
  if (upTo > 0) readUpTo(item, history, upTo)
  else {
    readEverything(item, history)
    readComments(store, userId, item)
  }
  return { result: readAnswer(item, history.unread.size) }
}

/**
 * Reader::readAll: every unread row of the user goes — the notify chat's too, so TYPE.NOTIFY
 * drops to 0 — and every manual mark, open lines included (RecentReader::readAll); cursors move
 * to the last message except open lines' (LastIdUpdater::updateAll skips `L`). Queued open lines
 * are not the user's rows and stay. No history is derived: an untouched dialog read to the end
 * is just `counter` 0 and `last_id` = its newest message.
 */
export const imDialogReadAll: MethodHandler = (_params, { userId, store }) => {
  const state = store.user(userId)
  for (const item of state.items) {
    if (!isPlainObject(item)) continue
    store.histories.peek(item)?.unread.clear()
    item.counter = 0
    item.unread = false
    const last = lastMessageId(item)
    if (last !== undefined && !isOpenLine(item)) item.last_id = last
  }
  state.notify = 0
  state.comments.clear()
  return { result: true }
}

/**
 * im.dialog.unread: MESSAGE_ID is checked first, then DIALOG_ID, and the answer is `true`
 * whatever happened (CIMRestService::dialogUnread ignores Dialog::unread's result). In a chat the
 * id is a threshold even when it belongs to another chat (CIMMessage::SetLastIdForUnread never
 * checks); in a one-to-one dialog a foreign id matches nothing (CIMMessage::SetUnReadMessage joins
 * `M.CHAT_ID = RT.CHAT_ID`). The manual mark is never touched.
 */
export const imDialogUnread: MethodHandler = (params, { userId, store }) => {
  const from = intval(params.MESSAGE_ID)
  if (from <= 0) throw restErrors.firstUnreadMissing()
  if (!isDialogId(params.DIALOG_ID)) throw restErrors.dialogIdEmpty()
  const item = dialogRow(store.user(userId).items, params.DIALOG_ID)
  const history = item && store.histories.of(item, userId)
  if (!item || !history) return { result: true }
  const own = history.messages.some((message) => message.id === from)
  if (item.type !== 'user' || own) unreadFrom(item, history, from, userId)
  return { result: true }
}
