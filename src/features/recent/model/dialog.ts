import { safeImageUrl } from '../../../ui/safe-url.ts'
import type { RecentItemPayload } from '../api/payload.ts'
import { stripBbCode } from './bbcode.ts'

export type DialogKind = 'user' | 'chat' | 'openline'

/** The DIALOG_ID exactly as the portal gave it: a number for a person, `chatN` / `sgN` for chats. */
export type DialogId = number | string

export interface Dialog {
  /** Stable string key: `String(dialogId)`. */
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
}

/** A dialog is unread when it carries the manual mark or has unread messages. */
export function isUnread(dialog: Pick<Dialog, 'markedUnread' | 'counter'>): boolean {
  return dialog.markedUnread || dialog.counter > 0
}

/** What a successful im.recent.unread does to a dialog: N clears the mark and the counter. */
export function applyMark<T extends Pick<Dialog, 'markedUnread' | 'counter'>>(
  dialog: T,
  unread: boolean,
): T {
  return unread ? { ...dialog, markedUnread: true } : { ...dialog, markedUnread: false, counter: 0 }
}

const DIALOG_ID = /^(chat|sg)\d+$|^\d+$/

function toDialogId(raw: unknown): DialogId | null {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) return raw
  if (typeof raw === 'string' && DIALOG_ID.test(raw)) return raw
  return null
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function toEpochMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

const HEX_COLOR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i
const NEUTRAL_COLOR = '#a8adb4'

function toKind(item: RecentItemPayload): DialogKind {
  if (item.type === 'user') return 'user'
  if (item.lines || item.chat?.type === 'lines') return 'openline'
  return 'chat'
}

/**
 * Turns one raw im.recent.list item into a Dialog, or null when it has no usable id
 * (such an item cannot be toggled, and the list shows a placeholder for it).
 */
export function toDialog(raw: unknown): Dialog | null {
  if (typeof raw !== 'object' || raw === null) return null
  const item = raw as RecentItemPayload
  const dialogId = toDialogId(item.id)
  if (dialogId === null) return null
  const counter = Number(item.counter)
  const color = text(item.avatar?.color)
  return {
    key: String(dialogId),
    dialogId,
    kind: toKind(item),
    title: text(item.title).trim(),
    avatarUrl: safeImageUrl(item.avatar?.url),
    color: HEX_COLOR.test(color) ? color : NEUTRAL_COLOR,
    preview: stripBbCode(text(item.message?.text)),
    lastActivityMs: toEpochMs(item.date_last_activity) ?? toEpochMs(item.message?.date),
    counter: Number.isFinite(counter) && counter > 0 ? Math.floor(counter) : 0,
    markedUnread: item.unread === true,
    pinned: item.pinned === true,
  }
}
