import { isPlainObject } from '../rest/params.ts'

/**
 * The recent row's ITEM_TYPE, the im chat TYPE letter the list filters on (im module
 * lib/recent.php, Recent::getList; letters from Bitrix\Im\V2\Chat::IM_TYPE_*): `P` one-to-one,
 * `C` group chat (workgroup chats too), `O` open chat, `L` open line, `A` copilot, `N` channel,
 * `J` open channel, `B` collab, `X` task chat. Read from the chat block's `message_type`; an
 * item without one gets the letter its `chat.type` implies, and an unknown type is a group chat.
 */
export type ItemType = string

const TYPE_LETTERS: Record<string, ItemType> = {
  chat: 'C',
  open: 'O',
  lines: 'L',
  copilot: 'A',
  channel: 'N',
  openChannel: 'J',
  collab: 'B',
  tasksTask: 'X',
}

export function itemType(item: unknown): ItemType | undefined {
  if (!isPlainObject(item)) return undefined
  if (item.type === 'user') return 'P'
  if (item.type !== 'chat') return undefined
  const chat = isPlainObject(item.chat) ? item.chat : {}
  if (typeof chat.message_type === 'string' && chat.message_type !== '') return chat.message_type
  if (isPlainObject(item.lines)) return 'L'
  return TYPE_LETTERS[String(chat.type)] ?? 'C'
}

/** An open line (ITEM_TYPE `L`): read.all leaves its cursor, counters put it in LINES only. */
export function isOpenLine(item: unknown): boolean {
  return itemType(item) === 'L'
}

/** Whether `userId` muted the chat: `chat.mute_list` as `{"1": true}` (recent rows) or `[1]`. */
export function isMutedBy(item: unknown, userId: number): boolean {
  if (!isPlainObject(item) || !isPlainObject(item.chat)) return false
  const list = item.chat.mute_list
  if (Array.isArray(list)) return list.includes(userId) || list.includes(String(userId))
  return isPlainObject(list) && list[String(userId)] === true
}
