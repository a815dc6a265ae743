import { intval, phpString } from './params.ts'
import type { Params } from './params.ts'
import { RestError, restErrors } from './errors.ts'
import { dialogRow, isDialogId } from '../data/store.ts'
import type { RecentItem } from '../data/generate.ts'
import type { DialogHistory, PortalMessage } from '../data/history.ts'
import { peopleOf } from '../data/people.ts'
import type { UserBlock } from '../data/people.ts'
import type { MethodHandler } from './types.ts'

/**
 * im.dialog.messages.get (im module classes/general/im_rest.php, CIMRestService::dialogMessagesGet
 * → lib/chat.php, Chat::getMessages): a page of a dialog's history (data/history.ts).
 */

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 50

/** `preg_match('/^\d{1,}$/i', …)` on the value as PHP casts it; PCRE's `$` also takes a final newline. */
function isDigits(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return false
  return /^\d+\n?$/.test(phpString(value))
}

/** Which messages: after FIRST_ID ascending, before LAST_ID newest first, or the newest. */
interface Window {
  firstId?: number
  lastId?: number
  /** Chat::getMessages caps only at 100; REST has capped at 50 already. ≤ 0: no limit. */
  limit: number
}

function windowOf(params: Params): Window {
  const limit =
    params.LIMIT === undefined || params.LIMIT === null
      ? DEFAULT_LIMIT
      : Math.min(intval(params.LIMIT), MAX_LIMIT)
  if (params.FIRST_ID !== undefined && params.FIRST_ID !== null) {
    if (!isDigits(params.FIRST_ID))
      throw new RestError(400, 'FIRST_ID_STRING', "First ID can't be string")
    return { firstId: intval(params.FIRST_ID), limit }
  }
  if (params.LAST_ID !== undefined && params.LAST_ID !== null) {
    if (!isDigits(params.LAST_ID))
      throw new RestError(400, 'LAST_ID_STRING', "Last ID can't be string")
    return { lastId: Math.max(0, intval(params.LAST_ID)), limit }
  }
  return { limit }
}

/**
 * The ORM query of Chat::getMessages. REST passes a LIMIT ≤ 0 on as it is; what the query then
 * does was not traced in the module's code, and the portal takes it as no limit.
 */
function select(messages: readonly PortalMessage[], window: Window): PortalMessage[] {
  const take = (list: PortalMessage[]) => (window.limit > 0 ? list.slice(0, window.limit) : list)
  if (window.firstId !== undefined) {
    const after = window.firstId
    // `'>ID' => FIRST_ID` (none for 0) and no ORDER BY: the table's order, ascending.
    return take(messages.filter((message) => after <= 0 || message.id > after))
  }
  const before = window.lastId ?? 0
  const older = messages.filter((message) => before <= 0 || message.id < before)
  return take(older.reverse())
}

interface Page {
  messages: PortalMessage[]
  /** How many of the first messages have their authors listed in `users`. */
  withAuthors: number
}

/**
 * Which messages Chat::getMessages returns, in its order. With neither FIRST_ID nor LAST_ID and
 * something unread: counter ≤ limit widens the page by the counter; counter > limit starts from
 * the unread — the first `limit` after the cursor, reversed, then `limit` older than the first
 * unread one (a second getMessages call, whose authors do not reach `users`).
 */
function page(item: RecentItem, history: DialogHistory, window: Window): Page {
  const counter = history.unread.size
  if (window.firstId !== undefined || window.lastId !== undefined || counter === 0) {
    const messages = select(history.messages, window)
    return { messages, withAuthors: messages.length }
  }
  if (counter <= window.limit) {
    const messages = select(history.messages, { limit: window.limit + counter })
    return { messages, withAuthors: messages.length }
  }
  const cursor = typeof item.last_id === 'number' ? item.last_id : 0
  const unread = select(history.messages, { firstId: cursor, limit: window.limit }).reverse()
  const firstUnread = Math.min(...history.unread)
  const older = select(history.messages, { lastId: firstUnread, limit: window.limit })
  return { messages: [...unread, ...older], withAuthors: unread.length }
}

/** A message as the answer lists it (keys lower-cased; `params` holds the CODE param, if any). */
function formatMessage(message: PortalMessage, chatId: number, cursor: number) {
  return {
    id: message.id,
    chat_id: chatId,
    author_id: message.authorId,
    date: message.date,
    text: message.text,
    // `RELATION_USER_ID > 0 && RELATION_LAST_ID < id`
    unread: cursor < message.id,
    uuid: null,
    replaces: [],
    params: message.code === undefined ? [] : { CODE: message.code },
    disappearing_date: null,
  }
}

/** The authors of `messages`, first appearance first, as user blocks (`User::getArray`). */
function authorsOf(
  messages: readonly PortalMessage[],
  people: Map<number, UserBlock>,
): UserBlock[] {
  const users = new Map<number, UserBlock>()
  for (const { authorId } of messages) {
    const person = people.get(authorId)
    if (authorId === 0 || users.has(authorId) || !person) continue
    users.set(authorId, {
      ...person,
      idle: false,
      mobile_last_date: false,
      desktop_last_date: false,
    })
  }
  return [...users.values()]
}

/**
 * CHAT_ID > 0 overrides DIALOG_ID (`'chat'.CHAT_ID`, the raw value: `12abc` makes a malformed
 * id); a malformed id is DIALOG_ID_EMPTY; a chat the user is not in is ACCESS_ERROR 403
 * (Dialog::hasAccess), a one-to-one dialog without a chat answers false (Chat::getMessages).
 */
export const imDialogMessagesGet: MethodHandler = (params, { userId, store }) => {
  const dialogId =
    intval(params.CHAT_ID) > 0 ? `chat${phpString(params.CHAT_ID)}` : params.DIALOG_ID
  if (!isDialogId(dialogId)) throw restErrors.dialogIdEmpty()
  const state = store.user(userId)
  const item = dialogRow(state.items, dialogId)
  if (!item) {
    if (/^\d+$/.test(String(dialogId))) return { result: false }
    throw new RestError(403, 'ACCESS_ERROR', 'You do not have access to the specified dialog')
  }
  const window = windowOf(params)
  const chatId = typeof item.chat_id === 'number' ? item.chat_id : 0
  const history = store.histories.of(item, userId)
  if (!history) return { result: { chat_id: chatId, messages: [], users: [], files: [] } }
  const cursor = typeof item.last_id === 'number' ? item.last_id : 0
  const { messages, withAuthors } = page(item, history, window)
  return {
    result: {
      chat_id: chatId,
      messages: messages.map((message) => formatMessage(message, chatId, cursor)),
      users: authorsOf(messages.slice(0, withAuthors), peopleOf(state.items)),
      files: [],
    },
  }
}
