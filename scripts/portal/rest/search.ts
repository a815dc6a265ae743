import { intval, isPlainObject, phpString } from './params.ts'
import type { Params } from './params.ts'
import { RestError } from './errors.ts'
import { isMutedBy } from '../data/chat-kind.ts'
import type { RecentItem } from '../data/generate.ts'
import type { PortalStore } from '../data/store.ts'
import { peopleOf } from '../data/people.ts'
import type { MethodContext, MethodHandler, MethodResult } from './types.ts'

/**
 * im.search.user.list / im.search.chat.list and their private aliases im.search.user /
 * im.search.chat (im module classes/general/im_rest.php, CIMRestService::searchUser /
 * searchChat → lib/user.php, User::getList; lib/chat.php, Chat::getList). A phrase matches when
 * every word of it is in the name, in any case.
 */

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 50
/** User::getList / Chat::getList: `$filterLimit <= 0 ? self::FILTER_LIMIT` (50). */
const FILTER_LIMIT = 50
const MIN_PHRASE = 3

function phraseWords(params: Params): string[] {
  const find = params.FIND
  const phrase = find === undefined || find === null ? '' : phpString(find).trim()
  if ([...phrase].length < MIN_PHRASE)
    throw new RestError(400, 'FIND_SHORT', 'Too short a search phrase.')
  return phrase.toLowerCase().split(/\s+/)
}

function matches(name: unknown, words: readonly string[]): boolean {
  if (typeof name !== 'string') return false
  const lower = name.toLowerCase()
  return words.every((word) => lower.includes(word))
}

/**
 * The page: the REST `start` wins over OFFSET; LIMIT defaults to 10 and is capped at 50. Then
 * IRestService::setNavData: `next` when rows remain, `total` always — the REST server moves
 * both out of `result` (rest/route.ts).
 */
function paged<T>(rows: readonly T[], params: Params): { rows: T[]; next?: number; total: number } {
  const start = intval(params.START)
  const offset = start > 0 ? start : Math.max(0, intval(params.OFFSET))
  const asked =
    params.LIMIT === undefined || params.LIMIT === null ? DEFAULT_LIMIT : intval(params.LIMIT)
  const limit = asked <= 0 ? FILTER_LIMIT : Math.min(asked, MAX_LIMIT)
  const page = rows.slice(offset, offset + limit)
  const next = offset + page.length < rows.length ? offset + page.length : undefined
  return { rows: page, ...(next === undefined ? {} : { next }), total: rows.length }
}

/**
 * Users: the portal's people the user can find (data/people.ts), by id; the answer is keyed by
 * user id (User::getList: `$users[$user["ID"]] = …`), `[]` when nothing matches.
 */
export const imSearchUserList: MethodHandler = (params, { userId, store }) => {
  const words = phraseWords(params)
  const found = [...peopleOf(store.user(userId).items).entries()]
    .filter(([, person]) => matches(person.name, words))
    .sort(([a], [b]) => a - b)
  const { rows, next, total } = paged(found, params)
  const result = rows.length === 0 ? [] : Object.fromEntries(rows)
  return { result, ...(next === undefined ? {} : { next }), total }
}

/** The user's chats a search reaches: their chat rows and the queued open lines (RECENT_OL). */
function searchableChats(store: PortalStore, userId: number): RecentItem[] {
  const { items, queued } = store.user(userId)
  return [...items, ...queued].filter(
    (item): item is RecentItem =>
      isPlainObject(item) && item.type === 'chat' && typeof item.chat_id === 'number',
  )
}

/** A chat as Chat::formatChatData lists it, lower-cased by Chat::toJson. */
export function chatObject(
  item: RecentItem,
  { userId, store }: MethodContext,
): Record<string, unknown> {
  const chat = isPlainObject(item.chat) ? item.chat : {}
  const history = store.histories.of(item, userId)
  const unread = history ? [...history.unread] : []
  return {
    id: item.chat_id,
    parent_chat_id: chat.parent_chat_id ?? 0,
    parent_message_id: chat.parent_message_id ?? 0,
    name: chat.name ?? item.title,
    description: '',
    owner: chat.owner ?? 0,
    extranet: chat.extranet ?? false,
    avatar: chat.avatar ?? '',
    color: chat.color ?? '',
    type: chat.type ?? 'chat',
    counter: unread.length,
    user_counter: chat.user_counter ?? 0,
    message_count: history?.messages.length ?? 0,
    unread_id: unread.length > 0 ? Math.min(...unread) : 0,
    restrictions: chat.restrictions ?? {},
    last_message_id: isPlainObject(item.message) ? (item.message.id ?? 0) : 0,
    last_id: item.last_id ?? 0,
    marked_id: 0,
    disk_folder_id: 0,
    entity_type: chat.entity_type ?? '',
    entity_id: chat.entity_id ?? '',
    entity_data_1: chat.entity_data_1 ?? '',
    entity_data_2: chat.entity_data_2 ?? '',
    entity_data_3: chat.entity_data_3 ?? '',
    // The relation's NOTIFY_BLOCK: a list of the one user, not the recent row's map.
    mute_list: isMutedBy(item, userId) ? [userId] : [],
    date_create: chat.date_create ?? '',
    message_type: chat.message_type ?? '',
    public: chat.public ?? '',
    role: String(chat.role ?? 'member').toLowerCase(),
    entity_link: chat.entity_link ?? {},
    text_field_enabled: chat.text_field_enabled ?? true,
    background_id: chat.background_id ?? null,
    permissions: chat.permissions ?? {},
    is_new: false,
  }
}

/**
 * Chats: the user's chats whose name matches, newest chat first (`ORDER => ['ID' => 'DESC']`),
 * as a JSON list (Chat::getList builds `$chats[] = …`) of chat objects, `name` not `title`.
 */
export const imSearchChatList: MethodHandler = (params, context): MethodResult => {
  const words = phraseWords(params)
  const found = searchableChats(context.store, context.userId)
    .filter((item) => matches(isPlainObject(item.chat) ? item.chat.name : item.title, words))
    .sort((a, b) => (b.chat_id as number) - (a.chat_id as number))
  const { rows, next, total } = paged(found, params)
  return {
    result: rows.map((item) => chatObject(item, context)),
    ...(next === undefined ? {} : { next }),
    total,
  }
}
