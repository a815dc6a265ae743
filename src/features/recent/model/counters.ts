import type { Fact } from './facts.ts'

/**
 * What the portal counts for one dialog in im.counters.get (docs/bitrix24-facts.md, "The
 * messenger's own counters").
 */
export interface DialogCount {
  /** Unread messages (a queued open line: 1). */
  counter: number
  /** The manual "unread" mark. */
  marked: boolean
  /** Muted: the portal lists it in CHAT_MUTED and counts it nowhere. */
  muted: boolean
  /** An open line: its manual mark counts nothing. */
  line: boolean
  /** Unread comments of a channel's posts (CHANNEL_COMMENT), counted in the badge only. */
  comments: number
}

export interface UnreadCounters {
  /** The messenger's badge: TYPE.MESSENGER, or ALL − NOTIFY on portals older than MESSENGER. */
  total: number
  /** Dialog key (`12` for a person, `chat34` for a chat) → what the portal counts for it. */
  dialogs: ReadonlyMap<string, DialogCount>
}

const NONE: DialogCount = { counter: 0, marked: false, muted: false, line: false, comments: 0 }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A count from the portal: a number or a numeric string; anything else is 0. */
function count(value: unknown): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : 0
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), 1e9) : 0
}

/** A positive integer id, or null. */
function id(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}

/** A map `{id: n}` — PHP sends an empty one as `[]`, which simply has no entries here. */
function entriesOf(value: unknown): [number, unknown][] {
  if (!isObject(value)) return []
  return Object.entries(value).flatMap(([key, n]) => {
    const chatOrUser = id(key)
    return chatOrUser === null ? [] : [[chatOrUser, n] as [number, unknown]]
  })
}

const idsOf = (value: unknown): number[] =>
  Array.isArray(value) ? value.map(id).filter((n): n is number => n !== null) : []

const userKey = (userId: number) => String(userId)
const chatKey = (chatId: number) => `chat${chatId}`

/**
 * Reads im.counters.get in either shape the portals send: the current one (TYPE.MESSENGER, the
 * COPILOT / COLLAB / TASKS_TASK / CHANNEL_COMMENT maps, the *_UNREAD mark lists) or the older one
 * (TYPE {ALL, NOTIFY, DIALOG, CHAT, LINES}). Null when the answer has no usable total.
 */
export function readCounters(payload: unknown): UnreadCounters | null {
  if (!isObject(payload) || !isObject(payload.TYPE)) return null
  const type = payload.TYPE
  const messenger = type.MESSENGER
  const total =
    messenger !== undefined && messenger !== null
      ? count(messenger)
      : Math.max(0, count(type.ALL) - count(type.NOTIFY))
  if ((messenger === undefined || messenger === null) && type.ALL === undefined) return null

  const dialogs = new Map<string, DialogCount>()
  const update = (key: string, change: Partial<DialogCount>) =>
    dialogs.set(key, { ...(dialogs.get(key) ?? NONE), ...change })
  const counted = (key: string, n: unknown, extra: Partial<DialogCount> = {}) => {
    const known = dialogs.get(key)?.counter ?? 0
    update(key, { counter: Math.max(known, count(n)), ...extra })
  }

  for (const [userId, n] of entriesOf(payload.DIALOG)) counted(userKey(userId), n)
  for (const map of ['CHAT', 'COPILOT', 'COLLAB', 'TASKS_TASK'] as const)
    for (const [chatId, n] of entriesOf(payload[map])) counted(chatKey(chatId), n)
  for (const [chatId, n] of entriesOf(payload.LINES)) counted(chatKey(chatId), n, { line: true })
  for (const [chatId, n] of entriesOf(payload.CHAT_MUTED))
    counted(chatKey(chatId), n, { muted: true })
  for (const [parentId, comments] of entriesOf(payload.CHANNEL_COMMENT)) {
    const sum = entriesOf(comments).reduce((total_, [, n]) => total_ + count(n), 0)
    if (sum > 0) update(chatKey(parentId), { comments: sum })
  }
  for (const userId of idsOf(payload.DIALOG_UNREAD)) update(userKey(userId), { marked: true })
  for (const list of ['CHAT_UNREAD', 'COPILOT_UNREAD', 'COLLAB_UNREAD', 'TASKS_TASK_UNREAD'])
    for (const chatId of idsOf(payload[list])) update(chatKey(chatId), { marked: true })
  return { total, dialogs }
}

export const countOf = (counters: UnreadCounters, key: string): DialogCount =>
  counters.dialogs.get(key) ?? NONE

/**
 * What one dialog adds to the badge: its unread messages, or 1 for the manual mark when it has
 * none — nothing for a muted chat or for the mark on an open line — plus its channel comments.
 */
export function badgeShare(dialog: DialogCount): number {
  const own = dialog.muted
    ? 0
    : dialog.counter > 0
      ? dialog.counter
      : dialog.marked && !dialog.line
        ? 1
        : 0
  return own + dialog.comments
}

/**
 * A dialog once the server holds `fact`: its mark and, when the fact tells them, its messages. A
 * read (no messages, no mark) reads the channel's comments too (im.dialog.read without MESSAGE_ID).
 */
export function countAfter(dialog: DialogCount, fact: Omit<Fact, 'at'>): DialogCount {
  const counter = fact.counter ?? dialog.counter
  const read = counter === 0 && !fact.markedUnread
  return { ...dialog, counter, marked: fact.markedUnread, comments: read ? 0 : dialog.comments }
}

/** What the portal knows of a dialog the counters do not list (read, no mark). */
export type DialogTraits = Pick<DialogCount, 'muted' | 'line'>

/**
 * The badge once the given facts are in: each dialog's share swapped for its share after the
 * fact. `traits` tells muted chats and open lines the counters do not list.
 */
export function totalWith(
  counters: UnreadCounters,
  facts: ReadonlyMap<string, Omit<Fact, 'at'>>,
  traits: (key: string) => DialogTraits | undefined,
): number {
  let total = counters.total
  for (const [key, fact] of facts) {
    const listed = counters.dialogs.get(key)
    const before = listed ?? { ...NONE, ...traits(key) }
    total += badgeShare(countAfter(before, fact)) - badgeShare(before)
  }
  return Math.max(0, total)
}
