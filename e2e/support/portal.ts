/**
 * Typed client of the local portal's test control API (scripts/portal/control.ts), for
 * Playwright tests. Every function takes the portal's base URL (with or without a trailing
 * slash). The portal must run with PORTAL_TEST=1; the API only answers loopback callers.
 */

import type { FaultHits, FaultKind } from '../../scripts/portal/faults.ts'
import type { RequestCounts } from '../../scripts/portal/stats.ts'
import type { CountersShape } from '../../scripts/portal/data/store.ts'
import type { PortalMessage } from '../../scripts/portal/data/history.ts'
import type { LogEntry } from '../../scripts/portal/log.ts'

// The portal's own types: one definition, no drift.
export type { CountersShape, FaultHits, FaultKind, LogEntry, PortalMessage, RequestCounts }

export interface TruthDialog {
  /** Number for a one-to-one dialog, `chatN` for chats (workgroup chats too). */
  id: string | number
  type: string
  chatId: number
  title: string
  /** The manual "unread" mark. */
  unread: boolean
  /** Unread messages. */
  counter: number
  pinned: boolean
  /** ISO-8601 with offset. */
  dateLastActivity: string
  /** chat.type: chat, sonetGroup, lines, tasksTask, copilot, openChannel (undefined for users). */
  chatType?: string
  /** `SONET_GROUP` for workgroup chats (then `entityId` is the group id, i.e. `sg<entityId>`). */
  entityType?: string
  entityId?: string
  /**
   * A colleague without a dialog yet (`options.default_user_record`, no message): not a dialog
   * to mark.
   */
  placeholder: boolean
  /** The last message read, and the newest message's id. */
  lastId: number
  messageId: number
  /** Who muted the chat: `{"1": true}` or `[]`. */
  muteList?: unknown
  /**
   * A colleague who just joined: a real one-to-one dialog (a message, a chat, maybe unread
   * messages) that carries `options.default_user_record` like a placeholder.
   */
  joined: boolean
  /** Who wrote the newest message (0: a system message; the user: their own). */
  lastAuthorId: number
  /** Unread comments under the channel's posts (0 for any other dialog). */
  comments: number
}

/** An open-line session waiting in a queue, as the list adds it. */
export type QueuedLine = Pick<TruthDialog, 'id' | 'title' | 'unread' | 'counter'>

/**
 * The server's state of one user. After `setData({dialogs})` with hostile items the fields are
 * whatever those items held — the types describe well-formed data.
 */
export interface Truth {
  user: number
  /** In list order (pinned first, then by last activity). */
  dialogs: TruthDialog[]
  /**
   * Open-line sessions waiting in a queue: raw items the list adds to every page. An entry can
   * be `null`, as a real portal sends it for a session without a message.
   */
  queued: (QueuedLine | null)[]
  /** Unread notifications (im.counters.get TYPE.NOTIFY). */
  notify: number
  /** User options as getInitData hands them out now. */
  userOptions: Record<string, unknown>
  /** Written by setUserOption, not handed out yet (see setUserOptionDelay). */
  pendingUserOptions: Record<string, unknown>
  /** Whether the user has opened the installed app before (FIRST_RUN is then false). */
  hasRun: boolean
  appOptions: Record<string, unknown>
  placements: unknown[]
  installed: boolean
}

export interface FaultSpec {
  /** REST method name, or `*` for any HTTP request. http/result-false also hit batch sub-commands by name. */
  method: string
  kind: FaultKind
  /** For `http`: HTTP status (default 500). */
  status?: number
  /** For `http`: error code (default by status, e.g. INTERNAL_SERVER_ERROR). */
  error?: string
  description?: string
  /** For `stall` (before the request runs) and `hold` (after it ran): the delay (default 1000). */
  ms?: number
  /** How many calls to hit (default 1); -1 = until cleared. */
  times?: number
}

export interface DataSpec {
  /** Default 1. */
  user?: number
  /** Regenerate this many demo dialogs (0…20000). */
  count?: number
  /** Replace the list with these raw items, stored as given (may be malformed on purpose). */
  dialogs?: unknown[]
}

async function call<T>(
  base: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`)
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok)
    throw new Error(`portal control ${method} ${path} failed: HTTP ${response.status} ${text}`)
  return JSON.parse(text) as T
}

/**
 * Default data, no faults, no latency, zeroed request counters, options cleared, default rate
 * limit and TTL, the im.counters.get shape the portal started with.
 */
export async function reset(base: string): Promise<void> {
  await call(base, 'POST', '/__control/reset', {})
}

/** Delays every REST answer by `ms`. */
export async function setLatency(base: string, ms: number): Promise<void> {
  await call(base, 'POST', '/__control/latency', { ms })
}

export async function injectFault(base: string, fault: FaultSpec): Promise<void> {
  await call(base, 'POST', '/__control/faults', fault)
}

export async function clearFaults(base: string): Promise<void> {
  await call(base, 'DELETE', '/__control/faults')
}

/** The faults that actually hit a request since the last reset, and the expired tokens refused. */
export function faultHits(
  base: string,
): Promise<{ hits: FaultHits; expiredTokensRefused: number }> {
  return call(base, 'GET', '/__control/faults')
}

/** The portal's REST log, newest first (the last 500 calls; see scripts/portal/log.ts). */
export async function portalLog(base: string): Promise<LogEntry[]> {
  return (await call<{ entries: LogEntry[] }>(base, 'GET', '/portal-api/log')).entries
}

export async function setData(base: string, data: DataSpec): Promise<void> {
  await call(base, 'POST', '/__control/data', data)
}

export function truth(base: string, user = 1): Promise<Truth> {
  return call<Truth>(base, 'GET', `/__control/truth?user=${encodeURIComponent(String(user))}`)
}

/** The methods that change what a row shows: the manual mark, and reading the messages. */
export const WRITE_METHODS = ['im.recent.unread', 'im.dialog.read', 'im.dialog.read.all']

const writes = (methods: string) => methods.split('+').some((m) => WRITE_METHODS.includes(m))

/** Batch requests that carried a change (batches of list pages only read). */
export function writeBatches(counts: RequestCounts): number {
  return Object.entries(counts.batchesByMethods)
    .filter(([methods]) => writes(methods))
    .reduce((sum, [, count]) => sum + count, 0)
}

/** HTTP requests that changed marks: plain calls plus the batches that carried a change. */
export function writeRequests(counts: RequestCounts): number {
  return (
    WRITE_METHODS.reduce((sum, method) => sum + (counts.byMethod[method] ?? 0), 0) +
    writeBatches(counts)
  )
}

export function requests(base: string): Promise<RequestCounts> {
  return call<RequestCounts>(base, 'GET', '/__control/requests')
}

export async function resetRequests(base: string): Promise<void> {
  await call(base, 'POST', '/__control/requests/reset', {})
}

/** Changes the lifetime of tokens issued from now on and/or expires every current access token. */
export async function setAuth(
  base: string,
  options: { ttlSeconds?: number; expireNow?: boolean },
): Promise<void> {
  await call(base, 'POST', '/__control/auth', options)
}

/** How long a setUserOption write takes to show in getInitData (the portal's default: 3000). */
export async function setUserOptionDelay(base: string, ms: number): Promise<void> {
  await call(base, 'POST', '/__control/user-option-delay', { ms })
}

/**
 * `true`: installed with the app's messenger items bound (IM_NAVIGATION, IM_CONTEXT_MENU: how
 * every test starts);
 * `false`: never installed — no bindings, the messenger item hidden.
 */
export async function setInstalled(base: string, installed: boolean): Promise<void> {
  await call(base, 'POST', '/__control/install', { installed })
}

export async function setRateLimit(
  base: string,
  limit: { burst: number; drain: number } | { off: true },
): Promise<void> {
  await call(base, 'POST', '/__control/rate-limit', limit)
}

export interface MessageSpec {
  /** Default 1. */
  user?: number
  /** The dialog: a user id, `chatN` or `sgN`. */
  dialog: string | number
  /** Who writes (0: a system message); default: the partner, or a chat member other than the user. */
  author?: number
  text?: string
}

/**
 * A message arrives in the dialog now, as after the list loaded: the next id of the portal,
 * unread unless the user wrote it (then the dialog is read up to it and its mark cleared).
 */
export function message(
  base: string,
  spec: MessageSpec,
): Promise<{ ok: true; message: Pick<PortalMessage, 'id' | 'authorId' | 'text'> }> {
  return call(base, 'POST', '/__control/message', spec)
}

/** A dialog's reading state and its whole history, oldest first. */
export interface DialogMessages {
  dialogId: string | number
  chatId: number
  /** The last message read (the relation's cursor). */
  lastId: number
  counter: number
  /** The messages the user has not read, ascending. */
  unreadIds: number[]
  messages: PortalMessage[]
}

export function messages(base: string, dialog: string | number, user = 1): Promise<DialogMessages> {
  const query = new URLSearchParams({ user: String(user), dialog: String(dialog) })
  return call(base, 'GET', `/__control/messages?${query.toString()}`)
}

/** What im.counters.get answers the user now, and in which shape the portal answers it. */
export function counters(
  base: string,
  user = 1,
): Promise<{ shape: CountersShape; result: Record<string, unknown> }> {
  return call(base, 'GET', `/__control/counters?user=${encodeURIComponent(String(user))}`)
}

/** `current`: the im module's answer today; `legacy`: an older portal's (reset restores the start). */
export async function setCountersShape(base: string, shape: CountersShape): Promise<void> {
  await call(base, 'POST', '/__control/counters-shape', { shape })
}

/** Sets the user's unread notifications (TYPE.NOTIFY). */
export async function setNotify(base: string, count: number, user = 1): Promise<void> {
  await call(base, 'POST', '/__control/notify', { user, count })
}
