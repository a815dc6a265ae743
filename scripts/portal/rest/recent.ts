import { isPlainObject, flag, integer, date, text } from './params.ts'
import type { Params } from './params.ts'
import { restErrors } from './errors.ts'
import { stripBbCode } from './bbcode.ts'
import { buildRecords, parseDialogId } from '../data/store.ts'
import type { UserState } from '../data/store.ts'
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

type Category = 'user' | 'chat' | 'lines' | 'copilot' | 'channel' | 'unknown'

function category(item: unknown): Category {
  if (!isPlainObject(item)) return 'unknown'
  if (item.type === 'user') return 'user'
  if (item.type !== 'chat') return 'unknown'
  const chatType = isPlainObject(item.chat) ? item.chat.type : undefined
  if (chatType === 'lines' || isPlainObject(item.lines)) return 'lines'
  if (chatType === 'copilot') return 'copilot'
  if (chatType === 'openChannel' || chatType === 'channel') return 'channel'
  return 'chat'
}

function activityMs(item: unknown): number | undefined {
  if (!isPlainObject(item)) return undefined
  const value = item.date_last_activity ?? item.date_update
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
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

function isUndistributedLine(item: unknown): boolean {
  // Open-line sessions still waiting for an operator (status 0 = new, 5 = queued).
  if (!isPlainObject(item) || !isPlainObject(item.lines)) return false
  return item.lines.status === 0 || item.lines.status === 5
}

/** Copy of an item as sent out, with the last message's BB-code removed on PARSE_TEXT=Y. */
function present(item: unknown, parseText: boolean): unknown {
  if (!isPlainObject(item)) return item
  const copy = structuredClone(item)
  if (parseText && isPlainObject(copy.message) && typeof copy.message.text === 'string') {
    copy.message.text = stripBbCode(copy.message.text)
  }
  return copy
}

export const imRecentList: MethodHandler = (params, { userId, store }) => {
  const state = store.user(userId)
  const skipOpenlines = flag(params, 'SKIP_OPENLINES')
  const skipDialog = flag(params, 'SKIP_DIALOG')
  const skipChat = flag(params, 'SKIP_CHAT')
  const unreadOnly = flag(params, 'UNREAD_ONLY')
  const parseText = flag(params, 'PARSE_TEXT')
  const skipUndistributed = flag(params, 'SKIP_UNDISTRIBUTED_OPENLINES')
  const onlyCopilot = flag(params, 'ONLY_COPILOT')
  const onlyChannel = flag(params, 'ONLY_CHANNEL')
  const canManage = flag(params, 'CAN_MANAGE_MESSAGES')
  // GET_ORIGINAL_TEXT only matters when the portal would otherwise rewrite the text; the demo
  // keeps texts as stored, so the flag is read for completeness and changes nothing.
  flag(params, 'GET_ORIGINAL_TEXT')
  const lastMessageDate = date(params, 'LAST_MESSAGE_DATE')
  const offset = Math.max(0, integer(params, 'OFFSET', 0))
  let limit = integer(params, 'LIMIT', RECENT_LIST_DEFAULT_LIMIT)
  if (limit <= 0) limit = RECENT_LIST_DEFAULT_LIMIT
  limit = Math.min(limit, RECENT_LIST_MAX_LIMIT)

  const accepted = new Map<number, boolean>()
  const accepts = (index: number): boolean => {
    const known = accepted.get(index)
    if (known !== undefined) return known
    const item = state.items[index]
    const kind = category(item)
    let ok = true
    if (onlyCopilot) ok = kind === 'copilot'
    else if (onlyChannel) ok = kind === 'channel'
    if (ok && skipOpenlines && kind === 'lines') ok = false
    if (ok && skipDialog && kind === 'user') ok = false
    if (ok && skipChat && (kind === 'chat' || kind === 'copilot' || kind === 'channel')) ok = false
    if (ok && skipUndistributed && isUndistributedLine(item)) ok = false
    if (ok && unreadOnly && !hasUnread(item)) ok = false
    if (ok && canManage && !canManageMessages(item)) ok = false
    if (ok && lastMessageDate !== undefined) {
      const ms = activityMs(item)
      ok = ms !== undefined && ms < lastMessageDate
    }
    accepted.set(index, ok)
    return ok
  }

  const records = state.records.filter(accepts)
  const page = records.slice(offset, offset + limit)
  // Collapse records into dialogs: a dialog owning two records shows once per page.
  const seen = new Set<number>()
  const items: unknown[] = []
  for (const index of page) {
    if (seen.has(index)) continue
    seen.add(index)
    items.push(present(state.items[index], parseText))
  }
  const hasMore = offset + limit < records.length
  return {
    result: {
      items,
      hasMorePages: hasMore,
      hasMore,
      copilot: structuredClone(COPILOT),
      messagesAutoDeleteConfigs: [],
    },
    total: -1,
  }
}

const SYNC_WINDOW_MS = 7 * 86_400_000

export const imRecentGet: MethodHandler = (params, { userId, store }) => {
  const state = store.user(userId)
  const skipOpenlines = flag(params, 'SKIP_OPENLINES')
  const skipDialog = flag(params, 'SKIP_DIALOG')
  const skipChat = flag(params, 'SKIP_CHAT')
  const onlyOpenlines = flag(params, 'ONLY_OPENLINES')
  const lastUpdate = date(params, 'LAST_UPDATE')
  let lastSync = date(params, 'LAST_SYNC_DATE')
  // "The sample returns data no older than 7 days": an older sync date means a full list.
  if (lastSync !== undefined && lastSync < Date.now() - SYNC_WINDOW_MS) lastSync = undefined
  const since = Math.max(lastUpdate ?? -Infinity, lastSync ?? -Infinity)
  const result = state.items.filter((item) => {
    const kind = category(item)
    if (onlyOpenlines && kind !== 'lines') return false
    if (skipOpenlines && kind === 'lines') return false
    if (skipDialog && kind === 'user') return false
    if (skipChat && (kind === 'chat' || kind === 'copilot' || kind === 'channel')) return false
    if (since > -Infinity) {
      const ms = updateMs(item)
      if (ms === undefined || ms <= since) return false
    }
    return true
  })
  return { result: result.map((item) => present(item, false)) }
}

export const imRecentUnread: MethodHandler = (params, { userId, store }) => {
  const ref = parseDialogId(params.DIALOG_ID)
  if (!ref) throw restErrors.dialogIdEmpty()
  const setMark = (text(params, 'ACTION') ?? 'Y').toUpperCase() !== 'N'
  const item = store.find(userId, ref)
  if (!item) return { result: false }
  if (setMark) {
    item.unread = true
  } else {
    // ACTION=N removes the mark *and* marks the dialog as read (docs).
    item.unread = false
    item.counter = 0
    if (isPlainObject(item.message) && typeof item.message.id === 'number')
      item.last_id = item.message.id
  }
  return { result: true }
}

/** Re-sorts a well-formed list: pinned first, then by last activity (newest first). */
function resort(state: UserState): void {
  if (!state.items.every((item) => isPlainObject(item) && activityMs(item) !== undefined)) return
  const decorated = state.items.map((item, index) => ({ item, index }))
  decorated.sort((a, b) => {
    const pa = isPlainObject(a.item) && a.item.pinned === true ? 1 : 0
    const pb = isPlainObject(b.item) && b.item.pinned === true ? 1 : 0
    if (pa !== pb) return pb - pa
    return (activityMs(b.item) ?? 0) - (activityMs(a.item) ?? 0) || a.index - b.index
  })
  state.items = decorated.map((entry) => entry.item)
  state.records = buildRecords(state.items.length)
}

export const imRecentPin: MethodHandler = (params: Params, { userId, store }) => {
  const ref = parseDialogId(params.DIALOG_ID)
  if (!ref) throw restErrors.dialogIdEmpty()
  const item = store.find(userId, ref)
  if (!item) return { result: false }
  item.pinned = (text(params, 'PIN') ?? 'Y').toUpperCase() !== 'N'
  resort(store.user(userId))
  return { result: true }
}

export const imRecentHide: MethodHandler = (params: Params, { userId, store }) => {
  const ref = parseDialogId(params.DIALOG_ID)
  if (!ref) throw restErrors.dialogIdEmpty()
  const state = store.user(userId)
  const item = store.find(userId, ref)
  if (!item) return { result: false }
  state.items = state.items.filter((candidate) => candidate !== item)
  state.records = buildRecords(state.items.length)
  return { result: true }
}
