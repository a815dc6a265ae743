import { isPlainObject } from './params.ts'
import type { MethodHandler } from './types.ts'

/**
 * im.counters.get — unread-message counters by kind (b24restdocs
 * api-reference/chats/im-counters-get.md): CHAT and LINES keyed by chat id, DIALOG keyed by
 * the other user's id, TYPE with totals. Manual marks are not message counters and are not
 * counted here.
 */
export const imCountersGet: MethodHandler = (_params, { userId, store }) => {
  const chat: Record<string, number> = {}
  const dialog: Record<string, number> = {}
  const lines: Record<string, number> = {}
  const type = { ALL: 0, CHAT: 0, DIALOG: 0, LINES: 0, NOTIFY: 0 }
  for (const item of store.user(userId).items) {
    if (!isPlainObject(item)) continue
    const counter = typeof item.counter === 'number' && item.counter > 0 ? item.counter : 0
    if (counter === 0) continue
    if (item.type === 'user') {
      dialog[String(item.id)] = counter
      type.DIALOG += counter
    } else if (
      isPlainObject(item.lines) ||
      (isPlainObject(item.chat) && item.chat.type === 'lines')
    ) {
      lines[String(item.chat_id)] = counter
      type.LINES += counter
    } else if (item.type === 'chat') {
      chat[String(item.chat_id)] = counter
      type.CHAT += counter
    } else continue
    type.ALL += counter
  }
  return { result: { CHAT: chat, DIALOG: dialog, LINES: lines, TYPE: type } }
}
