import { isPlainObject, flag, integer, date } from './params.ts'
import type { Params } from './params.ts'
import { restErrors } from './errors.ts'
import { stripBbCode } from './bbcode.ts'
import { buildRecords, isDialogId, isPlaceholder, recentRow } from '../data/store.ts'
import { itemType } from '../data/chat-kind.ts'
import { activityMs, resort } from '../data/list-order.ts'
import type { ItemType } from '../data/chat-kind.ts'
import type { MethodHandler } from './types.ts'

/**
 * im.recent.* — the user's recent dialogs and the manual "unread" mark (the app's seed
 * method). Params and answers follow b24restdocs api-reference/chats/im-recent-list.md,
 * im-recent-get.md and special-operations/im-recent-unread.md.
 */

export const RECENT_LIST_DEFAULT_LIMIT = 50
export const RECENT_LIST_MAX_LIMIT = 200

/** The `copilot` block of im.recent.list, as in the recorded answer. */
const COPILOT = {
  chats: null,
  messages: null,
  roles: {
    copilot_assistant: {
      code: 'copilot_assistant',
      name: 'BitrixGPT',
      desc: 'Ready to answer all questions in a general format',
      avatar: {
        small:
          'https://preview.bitrix24.site/upload/ai/avatars/5f72dd53304450356e0eaf09c0fcda7b_64x64.png',
        medium:
          'https://preview.bitrix24.site/upload/ai/avatars/f62609ab98ede5b3d4bff7675cc9f1f5_128x128.png',
        large:
          'https://preview.bitrix24.site/upload/ai/avatars/0a89c642ed5f1c2a292f7c3a1eab99d3_256x256.png',
      },
      default: true,
      prompts: [
        {
          code: 'universal_how_to_properly_write_a_business_letter',
          promptType: 'default',
          title: 'How to properly write a business letter?',
          text: 'How to properly write a business letter?',
          isNew: false,
        },
      ],
    },
  },
  recommendedRoles: [
    'copilot_assistant',
    'smm_manager',
    'seo_copywriter',
    'prompt_generator',
    'marketing_specialist',
  ],
}

/** What each SKIP_* flag drops (Recent::getList / Recent::get: `!@ITEM_TYPE`). */
function skippedTypes(params: Params): Set<ItemType> {
  const skip = new Set<ItemType>()
  if (flag(params, 'SKIP_OPENLINES')) skip.add('L')
  if (flag(params, 'SKIP_CHAT')) {
    skip.add('C')
    skip.add('O')
  }
  if (flag(params, 'SKIP_DIALOG')) skip.add('P')
  return skip
}

function updateMs(item: unknown): number | undefined {
  if (!isPlainObject(item) || typeof item.date_update !== 'string') return activityMs(item)
  const ms = Date.parse(item.date_update)
  return Number.isNaN(ms) ? undefined : ms
}

function hasUnread(item: unknown): boolean {
  if (!isPlainObject(item)) return false
  return item.unread === true || (typeof item.counter === 'number' && item.counter > 0)
}

function canManageMessages(item: unknown): boolean {
  if (!isPlainObject(item)) return false
  if (item.type === 'user') return true
  const chat = isPlainObject(item.chat) ? item.chat : {}
  const permissions = isPlainObject(chat.permissions) ? chat.permissions : {}
  const needed = permissions.manage_messages
  if (needed === undefined || needed === 'member') return true
  const role = String(chat.role ?? 'MEMBER').toLowerCase()
  if (needed === 'manager') return role === 'manager' || role === 'owner'
  return role === 'owner'
}

/** How an own row goes out: PARSE_TEXT=Y strips the last message's BB-code. */
interface Presentation {
  parseText: boolean
  /**
   * WITH_COUNTERS defaults to Y, and anything but exactly `Y` drops the `counter` key (im module
   * classes/general/im_rest.php, recentList / recentGet: `($arParams['WITH_COUNTERS'] ?? 'Y')
   * === 'Y'`; lib/recent.php, formatRow: `if ($withCounters) { $item['COUNTER'] = … }`).
   */
  withCounters: boolean
}

function presentation(params: Params): Presentation {
  return {
    parseText: flag(params, 'PARSE_TEXT'),
    withCounters: (params.WITH_COUNTERS ?? 'Y') === 'Y',
  }
}

/**
 * Copy of an own row as sent out. The portal changes an item only in its own fields (marks,
 * counters, pins, the last message) and replaces those whole, so a shallow copy keeps an answer
 * as it was made, even one held back.
 */
function present(item: unknown, { parseText, withCounters }: Presentation): unknown {
  if (!isPlainObject(item)) return item
  const copy = { ...item }
  if (!withCounters) delete copy.counter
  const { message } = copy
  if (parseText && isPlainObject(message) && typeof message.text === 'string') {
    copy.message = { ...message, text: stripBbCode(message.text) }
  }
  return copy
}

/**
 * A queued open-line session as sent out: imopenlines Recent::getRecent builds it with its own
 * fixed `COUNTER => 1`, so WITH_COUNTERS does not reach it (imopenlines lib/recent.php, formatRow).
 */
function presentQueued(line: unknown, { parseText }: Presentation): unknown {
  return present(line, { parseText, withCounters: true })
}

/**
 * im.recent.list (CIMRestService::recentList → Recent::getList). The page is cut from the
 * user's own records (placeholder rows of colleagues included, in activity order), then
 * collapsed into dialogs. `hasMore` says the page of records came back full — so the last page
 * can be empty — and then `next` = OFFSET + items returned goes top-level beside `total`, where
 * the REST server moves a method's `next` (rest module CRestServer::processCall). Queued
 * open-line sessions are added to every page unless SKIP_UNDISTRIBUTED_OPENLINES=Y (or open
 * lines are skipped, or ONLY_COPILOT asks for copilot chats alone).
 */
export const imRecentList: MethodHandler = (params, { userId, store }) => {
  const state = store.user(userId)
  const skip = skippedTypes(params)
  const unreadOnly = flag(params, 'UNREAD_ONLY')
  const shown = presentation(params)
  const skipUndistributed = flag(params, 'SKIP_UNDISTRIBUTED_OPENLINES')
  const onlyCopilot = flag(params, 'ONLY_COPILOT')
  const onlyChannel = flag(params, 'ONLY_CHANNEL')
  const canManage = flag(params, 'CAN_MANAGE_MESSAGES')
  const lastMessageDate = date(params, 'LAST_MESSAGE_DATE')
  // With LAST_MESSAGE_DATE the list continues from that date and OFFSET is not used.
  const offset = lastMessageDate === undefined ? Math.max(0, integer(params, 'OFFSET', 0)) : 0
  let limit = integer(params, 'LIMIT', RECENT_LIST_DEFAULT_LIMIT)
  if (limit <= 0) limit = RECENT_LIST_DEFAULT_LIMIT
  limit = Math.min(limit, RECENT_LIST_MAX_LIMIT)

  const accepts = (index: number): boolean => {
    const item = state.items[index]
    const type = itemType(item)
    let ok: boolean
    if (onlyCopilot) ok = type === 'A'
    else if (onlyChannel) ok = type === 'N' || type === 'J'
    else ok = type === undefined || !skip.has(type)
    if (ok && unreadOnly && !hasUnread(item)) ok = false
    if (ok && canManage && !canManageMessages(item)) ok = false
    if (ok && lastMessageDate !== undefined) {
      const ms = activityMs(item)
      ok = ms !== undefined && ms <= lastMessageDate
    }
    return ok
  }

  // The accepted records from OFFSET, LIMIT of them. The walk stops at the page's end: the
  // local portal shares the bench machine's CPU with the browser, which a real portal does not.
  const page: number[] = []
  let passed = 0
  for (const index of state.records) {
    if (page.length === limit) break
    if (!accepts(index)) continue
    if (passed++ >= offset) page.push(index)
  }
  // Collapse records into dialogs: a dialog owning two records shows once per page.
  const seen = new Set<number>()
  const items: unknown[] = []
  for (const index of page) {
    if (seen.has(index)) continue
    seen.add(index)
    items.push(present(state.items[index], shown))
  }
  if (!skip.has('L') && !onlyCopilot && !skipUndistributed) {
    for (const line of state.queued) items.push(presentQueued(line, shown))
  }
  const hasMore = page.length === limit
  return {
    result: {
      items,
      hasMorePages: hasMore,
      hasMore,
      copilot: structuredClone(COPILOT),
      messagesAutoDeleteConfigs: [],
    },
    ...(hasMore ? { next: offset + items.length } : {}),
    total: -1,
  }
}

const SYNC_WINDOW_MS = 7 * 86_400_000

export const imRecentGet: MethodHandler = (params, { userId, store }) => {
  const state = store.user(userId)
  const skip = skippedTypes(params)
  const onlyOpenlines = flag(params, 'ONLY_OPENLINES')
  const lastUpdate = date(params, 'LAST_UPDATE')
  let lastSync = date(params, 'LAST_SYNC_DATE')
  // "The sample returns data no older than 7 days": an older sync date means a full list.
  if (lastSync !== undefined && lastSync < Date.now() - SYNC_WINDOW_MS) lastSync = undefined
  const since = Math.max(lastUpdate ?? -Infinity, lastSync ?? -Infinity)
  // Recent::get lists the user's own rows only (no placeholders), then the queued open lines.
  const rows = onlyOpenlines ? state.items : [...state.items, ...state.queued]
  const queued = new Set(state.queued)
  // recentGet reads no PARSE_TEXT (im module classes/general/im_rest.php).
  const shown = { ...presentation(params), parseText: false }
  const result = rows.filter((item) => {
    const type = itemType(item)
    if (isPlaceholder(item)) return false
    if (onlyOpenlines) return type === 'L'
    if (type !== undefined && skip.has(type)) return false
    if (since > -Infinity) {
      const ms = updateMs(item)
      if (ms === undefined || ms <= since) return false
    }
    return true
  })
  return {
    result: result.map((item) =>
      queued.has(item) ? presentQueued(item, shown) : present(item, shown),
    ),
  }
}

/**
 * im.recent.unread (CIMRestService::recentUnread → Recent::unread, im module lib/recent.php): sets or
 * removes the manual mark and nothing else — "recent read doesn't affect message counter"
 * (im module RecentReader). ACTION (older name UNREAD) removes the mark only when it is exactly
 * `N`. Asking for the state the row already has answers true and changes nothing; `false` when
 * the user has no recent row for the dialog (see recentRow).
 */
export const imRecentUnread: MethodHandler = (params, { userId, store }) => {
  const dialogId = checkedDialogId(params)
  const action =
    params.ACTION !== undefined && params.ACTION !== null ? params.ACTION : params.UNREAD
  const item = recentRow(store.user(userId).items, dialogId)
  if (!item) return { result: false }
  item.unread = action !== 'N'
  return { result: true }
}

/** The DIALOG_ID check of im.recent.pin / hide / unread: `notify` or a dialog id (400 else). */
function checkedDialogId(params: Params): string | number {
  const dialogId = params.DIALOG_ID
  if (dialogId === 'notify' || isDialogId(dialogId)) return dialogId
  throw restErrors.dialogIdEmpty()
}

/**
 * im.recent.pin (CIMRestService::recentPin → Recent::pin): ACTION, when set, overwrites PIN, and
 * the row is pinned when `$arParams['PIN'] != 'N'`. PHP 8's loose `!=` is false only for the
 * string `N` itself and for `true` (a bool against a non-empty string), so a missing PIN, `null`,
 * `0`, `false` and `n` all pin.
 */
export const imRecentPin: MethodHandler = (params, { userId, store }) => {
  const dialogId = checkedDialogId(params)
  const item = recentRow(store.user(userId).items, dialogId)
  if (!item) return { result: false }
  const pin = params.ACTION ?? params.PIN
  item.pinned = pin !== 'N' && pin !== true
  resort(store.user(userId))
  return { result: true }
}

export const imRecentHide: MethodHandler = (params, { userId, store }) => {
  const dialogId = checkedDialogId(params)
  const state = store.user(userId)
  const item = recentRow(state.items, dialogId)
  if (!item) return { result: false }
  state.items = state.items.filter((candidate) => candidate !== item)
  state.records = buildRecords(state.items.length)
  return { result: true }
}
