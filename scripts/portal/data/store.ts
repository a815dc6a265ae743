import { isPlainObject } from '../rest/params.ts'
import { DEFAULT_DIALOGS, MAX_DIALOGS, generateQueuedLines, generateRecent } from './generate.ts'
import type { RecentItem } from './generate.ts'
import { commentTotal, demoChannelComments } from './channel-comments.ts'
import type { ChannelComments } from './channel-comments.ts'
import { Histories, isJoinedRow, lastMessageId } from './history.ts'

/**
 * The portal's state, per user: the recent list (marks, counters, pins), user options; and
 * per portal: app options, placement bindings, install state. Items are kept exactly as
 * given — generated ones are well-formed, ones set through the control API may be anything
 * (hostile-data tests), so every reader here is defensive.
 */

export interface UserState {
  /** The recent list in list order. Items may be malformed when set through the control API. */
  items: unknown[]
  /**
   * Internal records the paged list is cut from (indexes into `items`). im.recent.list
   * selects records, then collapses them into dialogs, which is why a dialog can show up on
   * two adjacent pages (documented). Some dialogs own two adjacent records.
   */
  records: number[]
  /**
   * Open-line sessions waiting in a queue this user serves: not the user's own recent rows, so
   * im.recent.list adds them to every page (see rest/recent.ts) and nothing can mark them. An
   * entry may be `null`, as imopenlines Recent::getRecent stores what formatRow returned for a
   * session without a message.
   */
  queued: unknown[]
  /** Unread notifications (the notify chat's unread rows: im.counters.get TYPE.NOTIFY). */
  notify: number
  /** Unread channel comments, by channel chat id (see channel-comments.ts). */
  comments: ChannelComments
  /** User options as the portal hands them out (getInitData USER_OPTIONS). */
  userOptions: Record<string, unknown>
  /** Options written by setUserOption that the portal does not hand out yet. */
  pendingOptions: Map<string, { value: unknown; visibleAtMs: number }>
  /** Whether this user has opened the installed app before (getInitData FIRST_RUN). */
  hasRun: boolean
}

export interface PlacementBinding {
  placement: string
  handler: string
  title: string
  description: string
  langAll: Record<string, unknown>
  options: Record<string, unknown>
  userId: number
}

/**
 * Items at these positions (index mod 5) own a second, adjacent record. With a period of
 * 7 records per 5 items, page boundaries of any LIMIT keep landing inside such pairs
 * (e.g. LIMIT 50: the boundary at 100; LIMIT 200: every few pages).
 */
function hasTwoRecords(index: number): boolean {
  const m = index % 5
  return m === 1 || m === 3
}

export function buildRecords(itemCount: number): number[] {
  const records: number[] = []
  for (let i = 0; i < itemCount; i++) {
    records.push(i)
    if (hasTwoRecords(i)) records.push(i)
  }
  return records
}

/**
 * `Common::isDialogId` of the im module: `N`, `chatN`, `sgN` or `crmN`, letters in any case
 * (`/^([0-9]{1,}|(chat|sg|crm)[0-9]{1,})$/i`), and never PHP-falsy (`0`, `''`). Anything else
 * is DIALOG_ID_EMPTY (400) for the methods that check it.
 */
export function isDialogId(value: unknown): value is string | number {
  if (typeof value !== 'string' && typeof value !== 'number') return false
  const text = String(value)
  return text !== '' && text !== '0' && /^([0-9]+|(chat|sg|crm)[0-9]+)$/i.test(text)
}

/**
 * A colleague's placeholder row (no dialog yet): `options.default_user_record: true` and no
 * message. Recent::formatRow flags both `USER_ID == 0` rows and rows whose last message has
 * CODE USER_JOIN (im module lib/recent.php); the latter are real dialogs (see isJoinedRow).
 */
export function isPlaceholder(item: unknown): boolean {
  return (
    isPlainObject(item) &&
    isPlainObject(item.options) &&
    item.options.default_user_record === true &&
    lastMessageId(item) === undefined
  )
}

function chatOf(item: Record<string, unknown>): Record<string, unknown> | undefined {
  return isPlainObject(item.chat) ? item.chat : undefined
}

/** The user's one-to-one dialog row with `userId` (placeholders are no dialog). */
function userRow(items: unknown[], id: string): RecentItem | undefined {
  return items.find(
    (item): item is RecentItem =>
      isPlainObject(item) && item.type === 'user' && String(item.id) === id && !isPlaceholder(item),
  )
}

function chatRow(items: unknown[], chatId: number): RecentItem | undefined {
  return items.find(
    (item): item is RecentItem =>
      isPlainObject(item) &&
      item.type === 'chat' &&
      (item.chat_id === chatId || item.id === `chat${chatId}`),
  )
}

/**
 * The user's own recent row as `Recent::unread` / `Recent::pin` look it up (im module
 * lib/recent.php, getUnreadElement): a lower-case `chat` prefix means a chat, anything else is
 * taken as a user id as given — so `CHAT5`, `sg5`, `crm5` and `notify` find nothing. Placeholder
 * rows are shared records (USER_ID 0), never the user's own, so they are not found either.
 */
export function recentRow(items: unknown[], dialogId: string | number): RecentItem | undefined {
  const text = String(dialogId)
  if (text.startsWith('chat')) {
    const chatId = Number(text.slice(4))
    return Number.isInteger(chatId) ? chatRow(items, chatId) : undefined
  }
  return userRow(items, text)
}

/**
 * The dialog `im.dialog.read` / `im.dialog.unread` act on, resolved like `Dialog::getChatId`
 * (im module lib/dialog.php): `chatN` in any case, `sgN` = the workgroup's chat, `N` = the
 * one-to-one dialog with user N (none for a colleague without a dialog); `crmN` names no chat.
 */
export function dialogRow(items: unknown[], dialogId: string | number): RecentItem | undefined {
  const text = String(dialogId)
  let match = /^chat(\d+)$/i.exec(text)
  if (match) return chatRow(items, Number(match[1]))
  match = /^sg(\d+)$/i.exec(text)
  if (match) {
    const groupId = match[1]
    return items.find((item): item is RecentItem => {
      const chat = isPlainObject(item) ? chatOf(item) : undefined
      return chat?.entity_type === 'SONET_GROUP' && String(chat.entity_id) === groupId
    })
  }
  return /^\d+$/.test(text) ? userRow(items, String(Number(text))) : undefined
}

export interface TruthDialog {
  id: unknown
  type: unknown
  chatId: unknown
  title: unknown
  unread: unknown
  counter: unknown
  pinned: unknown
  dateLastActivity: unknown
  chatType: unknown
  entityType: unknown
  entityId: unknown
  /** A colleague without a dialog yet: `options.default_user_record` and no message. */
  placeholder: boolean
  /** The last message read (`last_id`) and the newest message's id (`message.id`). */
  lastId: unknown
  messageId: unknown
  /** Who muted the chat (`chat.mute_list`). */
  muteList: unknown
  /** A real dialog with a colleague who just joined: the flag and a real message (isJoinedRow). */
  joined: boolean
  /** Who wrote the newest message (`message.author_id`). */
  lastAuthorId: unknown
  /** Unread comments under the channel's posts (0 for any other dialog). */
  comments: number
}

/** Which im.counters.get answer the portal gives (rest/counters.ts). */
export type CountersShape = 'current' | 'legacy'

/** Unread notifications every generated user starts with. */
export const DEMO_NOTIFICATIONS = 3

export class PortalStore {
  #users = new Map<number, UserState>()
  #defaultDialogs: number
  appOptions: Record<string, unknown> = {}
  placements: PlacementBinding[] = []
  /** Whether the app finished its installation (setInstallFinish). */
  installed = true
  countersShape: CountersShape
  /** Messages behind the recent rows, derived when first needed. */
  readonly histories = new Histories()

  readonly #installedPlacements: PlacementBinding[]
  readonly #startShape: CountersShape
  /** The highest message id of the portal so far: generated, set through the control API, or sent. */
  #lastMessageId = 0

  /**
   * `installedPlacements`: the bindings a fresh portal starts with (the app installed);
   * `countersShape`: the im.counters.get answer it starts with.
   */
  constructor(
    defaultDialogs = DEFAULT_DIALOGS,
    installedPlacements: PlacementBinding[] = [],
    countersShape: CountersShape = 'current',
  ) {
    this.#defaultDialogs = clampCount(defaultDialogs)
    this.#installedPlacements = installedPlacements
    this.placements = structuredClone(installedPlacements)
    this.#startShape = countersShape
    this.countersShape = countersShape
  }

  /**
   * The id of a message sent now: message ids are one sequence for the whole portal, so it is
   * above every message id of every list made so far.
   */
  nextMessageId(): number {
    this.#lastMessageId += 1
    return this.#lastMessageId
  }

  #noteMessageIds(rows: readonly unknown[]): void {
    for (const row of rows) {
      const id = isPlainObject(row) ? lastMessageId(row) : undefined
      if (id !== undefined && id > this.#lastMessageId) this.#lastMessageId = id
    }
  }

  get defaultDialogs(): number {
    return this.#defaultDialogs
  }

  /** The user's state, generated on first use. */
  user(userId: number): UserState {
    let state = this.#users.get(userId)
    if (!state) {
      state = this.#fresh(userId, this.#defaultDialogs)
      this.#users.set(userId, state)
    }
    return state
  }

  #fresh(userId: number, count: number): UserState {
    const items = generateRecent(userId, count)
    const queued = generateQueuedLines(userId, count)
    this.#noteMessageIds(items)
    this.#noteMessageIds(queued)
    return {
      items,
      records: buildRecords(items.length),
      queued,
      notify: DEMO_NOTIFICATIONS,
      comments: demoChannelComments(items),
      userOptions: {},
      pendingOptions: new Map(),
      hasRun: false,
    }
  }

  /** Back to generated data, no options, no bindings, the counters shape the portal started with. */
  reset(): void {
    this.#users.clear()
    this.appOptions = {}
    this.placements = structuredClone(this.#installedPlacements)
    this.installed = true
    this.countersShape = this.#startShape
  }

  /** Installed as a fresh portal has it, or never installed: no bindings, nobody has run it. */
  setInstalled(installed: boolean): void {
    this.installed = installed
    this.placements = installed ? structuredClone(this.#installedPlacements) : []
    for (const state of this.#users.values()) state.hasRun = false
  }

  /** New demo data; the user's options, first-run state and notifications stay. */
  regenerate(userId: number, count: number): void {
    const state = this.user(userId)
    const fresh = this.#fresh(userId, clampCount(count))
    const { items, records, queued, comments } = fresh
    Object.assign(state, { items, records, queued, comments })
  }

  /**
   * Replaces the list with raw items, stored as given (even malformed ones), with no queue and
   * no channel comments; notifications stay.
   */
  replace(userId: number, items: unknown[]): void {
    this.#noteMessageIds(items)
    const state = this.user(userId)
    Object.assign(state, {
      items,
      records: buildRecords(items.length),
      queued: [],
      comments: new Map(),
    })
  }

  /**
   * Stores a user option the way setUserOption does: handed out from `nowMs + delayMs` on.
   * A later write of the same option replaces an earlier one still pending.
   */
  setUserOption(
    userId: number,
    name: string,
    value: unknown,
    nowMs: number,
    delayMs: number,
  ): void {
    const state = this.user(userId)
    if (delayMs <= 0) {
      state.pendingOptions.delete(name)
      state.userOptions[name] = value
      return
    }
    state.pendingOptions.set(name, { value, visibleAtMs: nowMs + delayMs })
  }

  /** The options the portal hands out at `nowMs` (pending ones that are due become visible). */
  userOptions(userId: number, nowMs: number): Record<string, unknown> {
    const state = this.user(userId)
    for (const [name, pending] of state.pendingOptions) {
      if (pending.visibleAtMs > nowMs) continue
      state.userOptions[name] = pending.value
      state.pendingOptions.delete(name)
    }
    return state.userOptions
  }

  truth(userId: number): TruthDialog[] {
    const { items, comments } = this.user(userId)
    return items.map((raw) => {
      const item = isPlainObject(raw) ? raw : {}
      const chat = chatOf(item)
      return {
        id: item.id,
        type: item.type,
        chatId: item.chat_id,
        title: item.title,
        unread: item.unread,
        counter: item.counter,
        pinned: item.pinned,
        dateLastActivity: item.date_last_activity,
        chatType: chat?.type,
        entityType: chat?.entity_type,
        entityId: chat?.entity_id,
        placeholder: isPlaceholder(item),
        lastId: item.last_id,
        messageId: isPlainObject(item.message) ? item.message.id : undefined,
        muteList: chat?.mute_list,
        joined: isJoinedRow(item),
        lastAuthorId: isPlainObject(item.message) ? item.message.author_id : undefined,
        comments: commentTotal(comments, item.chat_id),
      }
    })
  }
}

export function clampCount(count: number): number {
  if (!Number.isFinite(count)) return DEFAULT_DIALOGS
  return Math.max(0, Math.min(MAX_DIALOGS, Math.trunc(count)))
}
