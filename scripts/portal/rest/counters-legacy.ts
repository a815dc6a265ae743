import { isPlainObject } from './params.ts'
import { phpMap } from './php-json.ts'
import { isMutedBy, itemType } from '../data/chat-kind.ts'
import { lastMessageId } from '../data/history.ts'
import type { UserState } from '../data/store.ts'

/**
 * im.counters.get as older portals answer it, from the relations' COUNTER column (im module
 * lib/counter.php, Counter::get, cache `counter_v3`): no MESSENGER, no copilot, collab or task
 * buckets, no open-line queue and no channel comments — the shape b24restdocs
 * api-reference/chats/im-counters-get.md still documents.
 */
export function legacyCounters(state: UserState, userId: number): Record<string, unknown> {
  const type = { ALL: state.notify, NOTIFY: state.notify, DIALOG: 0, CHAT: 0, LINES: 0 }
  const dialog: Record<string, number> = {}
  const dialogUnread: number[] = []
  const chat: Record<string, number> = {}
  const chatMuted: Record<string, number> = {}
  const chatUnread: number[] = []
  const lines: Record<string, number> = {}
  for (const item of state.items) {
    // A row without a message has no relation: nothing to count.
    if (!isPlainObject(item) || lastMessageId(item) === undefined) continue
    const counter =
      typeof item.counter === 'number' && item.counter > 0 ? Math.trunc(item.counter) : 0
    const marked = item.unread === true
    // The query selects relations with something unread (`STATUS <> READ OR RC.UNREAD = 'Y'`).
    if (counter === 0 && !marked) continue
    if (typeof item.chat_id !== 'number' || item.chat_id <= 0) continue
    const chatId = item.chat_id
    if (item.type === 'user') {
      // A dialog with an inactive partner is left out (`PRIVATE_USER_ACTIVE === 'N'`).
      if (isPlainObject(item.user) && item.user.active === false) continue
      const partner = Number(item.id)
      if (counter > 0) {
        type.ALL += counter
        type.DIALOG += counter
        dialog[partner] = counter
      } else {
        type.ALL++
        type.DIALOG++
        dialogUnread.push(partner)
      }
    } else if (itemType(item) === 'L') {
      // Open lines count as they are, muted or not; a mark alone adds a 0.
      type.ALL += counter
      type.LINES += counter
      lines[chatId] = counter
    } else if (counter > 0) {
      if (isMutedBy(item, userId)) chatMuted[chatId] = counter
      else {
        type.ALL += counter
        type.CHAT += counter
        chat[chatId] = counter
      }
    } else {
      if (!isMutedBy(item, userId)) {
        type.ALL++
        type.CHAT++
      }
      chatUnread.push(chatId)
    }
  }
  return {
    TYPE: type,
    DIALOG: phpMap(dialog),
    DIALOG_UNREAD: dialogUnread,
    CHAT: phpMap(chat),
    CHAT_MUTED: phpMap(chatMuted),
    CHAT_UNREAD: chatUnread,
    LINES: phpMap(lines),
  }
}
