import { isPlainObject } from '../rest/params.ts'
import { DEFAULT_DIALOGS, MAX_DIALOGS, generateRecent } from './generate.ts'
import type { RecentItem } from './generate.ts'

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
  userOptions: Record<string, unknown>
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

/** A dialog id as accepted by im.recent.unread / im.dialog.read. */
export type DialogRef =
  | { kind: 'chat'; chatId: number }
  | { kind: 'sg'; groupId: number }
  | { kind: 'user'; userId: number }

/**
 * `chatN`, `sgN` or `N` (number or numeric string). Anything else is "empty" for the portal
 * (DIALOG_ID_EMPTY). Ids must be positive.
 */
export function parseDialogId(value: unknown): DialogRef | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 ? { kind: 'user', userId: value } : null
  }
  if (typeof value !== 'string') return null
  const text = value.trim()
  let match = /^chat(\d+)$/i.exec(text)
  if (match) return Number(match[1]) > 0 ? { kind: 'chat', chatId: Number(match[1]) } : null
  match = /^sg(\d+)$/i.exec(text)
  if (match) return Number(match[1]) > 0 ? { kind: 'sg', groupId: Number(match[1]) } : null
  match = /^(\d+)$/.exec(text)
  if (match) return Number(match[1]) > 0 ? { kind: 'user', userId: Number(match[1]) } : null
  return null
}

function chatOf(item: Record<string, unknown>): Record<string, unknown> | undefined {
  return isPlainObject(item.chat) ? item.chat : undefined
}

/** Does this stored item answer to the dialog id? */
export function matchesDialog(item: unknown, ref: DialogRef): item is RecentItem {
  if (!isPlainObject(item)) return false
  switch (ref.kind) {
    case 'chat':
      return (
        item.id === `chat${ref.chatId}` || (item.type === 'chat' && item.chat_id === ref.chatId)
      )
    case 'sg': {
      // A workgroup's chat is listed as `chatN`; its chat block names the group.
      const chat = chatOf(item)
      return chat?.entity_type === 'SONET_GROUP' && String(chat.entity_id) === String(ref.groupId)
    }
    case 'user':
      return item.type === 'user' && String(item.id) === String(ref.userId)
  }
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
}

export class PortalStore {
  #users = new Map<number, UserState>()
  #defaultDialogs: number
  appOptions: Record<string, unknown> = {}
  placements: PlacementBinding[] = []
  /** Whether the app finished its installation (setInstallFinish). */
  installed = true

  constructor(defaultDialogs = DEFAULT_DIALOGS) {
    this.#defaultDialogs = clampCount(defaultDialogs)
  }

  get defaultDialogs(): number {
    return this.#defaultDialogs
  }

  /** The user's state, generated on first use. */
  user(userId: number): UserState {
    let state = this.#users.get(userId)
    if (!state) {
      const items = generateRecent(userId, this.#defaultDialogs)
      state = { items, records: buildRecords(items.length), userOptions: {} }
      this.#users.set(userId, state)
    }
    return state
  }

  /** Back to generated data, no options, no bindings. */
  reset(): void {
    this.#users.clear()
    this.appOptions = {}
    this.placements = []
    this.installed = true
  }

  regenerate(userId: number, count: number): void {
    const items = generateRecent(userId, clampCount(count))
    const options = this.#users.get(userId)?.userOptions ?? {}
    this.#users.set(userId, { items, records: buildRecords(items.length), userOptions: options })
  }

  /** Replaces the list with raw items, stored as given (even malformed ones). */
  replace(userId: number, items: unknown[]): void {
    const options = this.#users.get(userId)?.userOptions ?? {}
    this.#users.set(userId, { items, records: buildRecords(items.length), userOptions: options })
  }

  /** First stored item answering to the dialog id. */
  find(userId: number, ref: DialogRef): RecentItem | undefined {
    for (const item of this.user(userId).items) {
      if (matchesDialog(item, ref)) return item
    }
    return undefined
  }

  truth(userId: number): TruthDialog[] {
    return this.user(userId).items.map((raw) => {
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
      }
    })
  }
}

export function clampCount(count: number): number {
  if (!Number.isFinite(count)) return DEFAULT_DIALOGS
  return Math.max(0, Math.min(MAX_DIALOGS, Math.trunc(count)))
}
