import { safeImageUrl } from '../../../ui/safe-url.ts'
import type { RecentItemPayload } from '../types/payload.ts'
import { stripBbCode } from './bbcode.ts'
import { dialogKey } from './dialog-key.ts'

export type DialogKind = 'user' | 'chat' | 'openline'

/** The DIALOG_ID exactly as the portal gave it: a number for a person, `chatN` / `sgN` for chats. */
export type DialogId = number | string

export interface Dialog {
  /** Stable string key: see dialog-key.ts. */
  key: string
  dialogId: DialogId
  kind: DialogKind
  title: string
  avatarUrl: string | null
  color: string
  preview: string
  /** Epoch ms (a number, not a Date, so react-query's structural sharing can keep unchanged rows). */
  lastActivityMs: number | null
  /** Messages not yet read. */
  counter: number
  /** The manual "unread" mark set with im.recent.unread. */
  markedUnread: boolean
  pinned: boolean
  /** The user muted this chat: the messenger leaves it out of its unread total. */
  muted: boolean
  /**
   * An open-line session waiting in the user's queue: the user is not in it yet, so the portal
   * refuses to read or mark it (answers false) until someone takes it in the messenger.
   */
  waiting: boolean
  /** When the request that brought it left (epoch ms; 0 when unknown). */
  seenAt: number
}

/** What a change needs to know of a dialog, loaded or only counted by the portal. */
export type MarkTarget = Pick<Dialog, 'key' | 'dialogId' | 'counter' | 'markedUnread'>

/** A raw item's key (`String(id)`), or null when its id is not a string or a number. */
export function itemKey(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { id } = raw as RecentItemPayload
  // Hostile ids (objects whose toString is not a function) must not throw here.
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

/** A dialog is unread when it carries the manual mark or has unread messages. */
export function isUnread(dialog: Pick<Dialog, 'markedUnread' | 'counter'>): boolean {
  return dialog.markedUnread || dialog.counter > 0
}

/**
 * What a confirmed change does to a dialog. Read clears both halves of the unread rule (the
 * messages through im.dialog.read, the manual mark through im.recent.unread N); unread sets the
 * manual mark (im.recent.unread Y) and leaves the messages as they are.
 */
export function applyMark<T extends Pick<Dialog, 'markedUnread' | 'counter'>>(
  dialog: T,
  unread: boolean,
): T {
  return unread ? { ...dialog, markedUnread: true } : { ...dialog, markedUnread: false, counter: 0 }
}

// `chatN`, `sgN` or `N`, N a positive integer without leading zeros (so `7` and `007` cannot be
// two rows of one dialog) and short enough to be a real id.
const DIALOG_ID = /^(chat|sg)[1-9]\d{0,15}$|^[1-9]\d{0,15}$/

export function toDialogId(raw: unknown): DialogId | null {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) return raw
  if (typeof raw === 'string' && DIALOG_ID.test(raw)) return raw
  return null
}

/** Longest title kept; a real one is a few dozen characters. */
export const MAX_TITLE_LENGTH = 300
/** Longest preview kept: one line of the list, never a megabyte of text. */
export const MAX_PREVIEW_LENGTH = 300
/** BB-code is stripped from at most this much of a message (the stripping is not linear). */
const MAX_MESSAGE_SOURCE = 2_000
const MAX_URL_LENGTH = 2_048

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) would let a title
// reorder the text around it ("invoice<U+202E>fdp.exe" reads "invoiceexe.pdf"); rows isolate
// direction with <bdi> instead. C0/C1 controls and lone surrogates have no business here either.
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** At most `max` UTF-16 units, never cutting a surrogate pair in half. */
function truncate(value: string, max: number): string {
  if (value.length <= max) return value
  const cut = value.slice(0, max)
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut
}

function text(value: unknown, max: number): string {
  const raw = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
  // Cut before cleaning: a megabyte string costs no more than a short one.
  return truncate(raw, max * 2)
    .replace(UNSAFE_CHARACTERS, '')
    .replace(LONE_SURROGATE, '\ufffd')
}

/** Counters are numbers (or numeric strings from older portals); anything else is 0. */
function toCounter(value: unknown): number {
  const counter =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : 0
  return Number.isFinite(counter) && counter > 0 ? Math.min(Math.floor(counter), 1e9) : 0
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toEpochMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

const HEX_COLOR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i
const NEUTRAL_COLOR = '#a8adb4'

/**
 * Open lines carry a `lines` object (or chat.type `lines`); a one-to-one dialog is of type `user`
 * and its id is the person's number. Everything else is a chat — group chats, copilot chats,
 * channels, collabs and whatever chat type a later portal adds (docs/bitrix24-facts.md, "The recent list").
 */
export function kindOf(item: RecentItemPayload): DialogKind {
  if (isObject(item.lines) || (isObject(item.chat) && item.chat.type === 'lines')) return 'openline'
  const id = toDialogId(item.id)
  if (item.type === 'user' && id !== null && /^\d+$/.test(String(id))) return 'user'
  return 'chat'
}

/** The unread state of a raw item, read the way rows read it. */
export function markStateOf(item: RecentItemPayload): Pick<Dialog, 'markedUnread' | 'counter'> {
  return { markedUnread: item.unread === true, counter: toCounter(item.counter) }
}

/**
 * A colleague the user has no dialog with yet, listed by the portal for intranet users: flagged
 * `options.default_user_record` and without a message (`message.id` 0). Nothing to read and
 * nothing to mark — im.recent.unread answers false for it. The portal sets the same flag on a real
 * dialog whose last message is a new colleague's "joined the company" message; that one has a
 * message, can have unread messages and a mark, and is a dialog like any other
 * (docs/bitrix24-facts.md, "Placeholder and joined rows").
 */
export function isPlaceholder(item: RecentItemPayload): boolean {
  if (!isObject(item.options) || item.options.default_user_record !== true) return false
  const messageId = isObject(item.message) ? item.message.id : undefined
  return !(typeof messageId === 'number' && messageId > 0)
}

/**
 * Whether `chat.mute_list` holds the user. Portals send it as `{"503": true}` (the recorded
 * im.recent.list answer) or as a list of ids, and as `[]` when nobody muted the chat.
 */
export function isMutedBy(muteList: unknown, userId: number): boolean {
  if (userId <= 0) return false
  if (Array.isArray(muteList)) return muteList.some((id) => String(id) === String(userId))
  return isObject(muteList) && Object.hasOwn(muteList, String(userId)) && muteList[userId] === true
}

/**
 * Turns one raw im.recent.list item into a Dialog, or null when it has no usable id
 * (such an item cannot be toggled, and the list shows a placeholder for it).
 */
export interface ReadContext {
  /** The current user's id (0 while unknown), for the mute. */
  userId?: number
  /** The item came as an open-line session waiting in the user's queue. */
  waiting?: boolean
}

export function toDialog(
  raw: unknown,
  { userId = 0, waiting = false }: ReadContext = {},
): Dialog | null {
  if (typeof raw !== 'object' || raw === null) return null
  const item = raw as RecentItemPayload
  const dialogId = toDialogId(item.id)
  if (dialogId === null) return null
  const avatar = isObject(item.avatar) ? item.avatar : {}
  const message = isObject(item.message) ? item.message : {}
  const color = text(avatar.color, 16)
  const url =
    typeof avatar.url === 'string' && avatar.url.length <= MAX_URL_LENGTH ? avatar.url : null
  return {
    key: dialogKey(dialogId),
    dialogId,
    kind: kindOf(item),
    title: truncate(text(item.title, MAX_TITLE_LENGTH).trim(), MAX_TITLE_LENGTH),
    avatarUrl: safeImageUrl(url),
    color: HEX_COLOR.test(color) ? color : NEUTRAL_COLOR,
    preview: truncate(stripBbCode(text(message.text, MAX_MESSAGE_SOURCE / 2)), MAX_PREVIEW_LENGTH),
    lastActivityMs: toEpochMs(item.date_last_activity) ?? toEpochMs(message.date),
    ...markStateOf(item),
    pinned: item.pinned === true,
    muted: isObject(item.chat) && isMutedBy(item.chat.mute_list, userId),
    waiting,
    seenAt: typeof item.seen_at === 'number' && Number.isFinite(item.seen_at) ? item.seen_at : 0,
  }
}
