// Shapes of the portal's answers (see the recorded im.recent.list answer in
// scripts/portal/data/samples). Everything is optional and unknown fields are tolerated: the
// data comes from other people and other portal versions.

export interface RecentMessagePayload {
  /** 0 on a placeholder row for a colleague with no dialog yet. */
  id?: number
  text?: string
  file?: unknown
  author_id?: number
  attach?: unknown
  date?: string
  status?: string
  [field: string]: unknown
}

export interface RecentItemPayload {
  /** A number for a one-to-one dialog, `chatN` for a chat. */
  id?: number | string
  chat_id?: number
  type?: string
  avatar?: { url?: string; color?: string; [field: string]: unknown }
  title?: string
  message?: RecentMessagePayload | null
  counter?: number
  last_id?: number
  pinned?: boolean
  unread?: boolean
  has_reminder?: boolean
  date_update?: string
  date_last_activity?: string
  user?: { id?: number; name?: string; color?: string; avatar?: string; [field: string]: unknown }
  /**
   * chat.type: `chat`, `open`, `lines`, `copilot`, `channel`, `openChannel`, `collab`,
   * `sonetGroup`, `tasksTask`, … — the list grows with each portal release.
   */
  chat?: {
    id?: number
    name?: string
    type?: string
    color?: string
    /** Who muted the chat: `{"503": true}` or `[]`. */
    mute_list?: unknown
    [field: string]: unknown
  }
  lines?: { id?: number; status?: number; date_create?: string; [field: string]: unknown } | null
  /**
   * The app's own, on the items it keeps: when the request that brought the item left (epoch ms).
   * What the server was heard to hold since is laid over it.
   */
  seen_at?: number
  /** An empty array (PHP's empty map) on most items; an object on colleague placeholders. */
  options?: { default_user_record?: boolean; [field: string]: unknown } | unknown[]
  [field: string]: unknown
}

/** `result` of im.recent.list. */
export interface RecentListPayload {
  items?: unknown[]
  hasMore?: boolean
  /** Deprecated alias of hasMore that older portals still send alone. */
  hasMorePages?: boolean
  /** The app's own: open-line sessions waiting in the user's queue, asked for with the first page. */
  queued?: unknown[]
  /** The app's own: the OFFSET the list page after this one starts at. */
  nextOffset?: number
  [field: string]: unknown
}

/** A `{id: count}` map of im.counters.get; PHP sends an empty one as `[]`. */
type CountMap = Record<string, number> | unknown[]

/**
 * `result` of im.counters.get. Current portals send every field; older ones only TYPE {ALL,
 * NOTIFY, DIALOG, CHAT, LINES} and the DIALOG, DIALOG_UNREAD, CHAT, CHAT_MUTED, CHAT_UNREAD and
 * LINES lists.
 */
export interface CountersPayload {
  TYPE?: {
    ALL?: number
    NOTIFY?: number
    DIALOG?: number
    CHAT?: number
    LINES?: number
    /** The messenger's badge (current portals). */
    MESSENGER?: number
    [field: string]: unknown
  }
  /** Other user's id → unread messages of the one-to-one dialog. */
  DIALOG?: CountMap
  /** Chat id → unread messages. */
  CHAT?: CountMap
  LINES?: CountMap
  COPILOT?: CountMap
  COLLAB?: CountMap
  TASKS_TASK?: CountMap
  /** Muted chats (by chat id, one-to-one dialogs too): counted nowhere. */
  CHAT_MUTED?: CountMap
  /** Channel chat id → {comment chat id → unread comments}. */
  CHANNEL_COMMENT?: Record<string, CountMap> | unknown[]
  /** The manual marks: user ids, and chat ids for the others. */
  DIALOG_UNREAD?: number[]
  CHAT_UNREAD?: number[]
  COPILOT_UNREAD?: number[]
  COLLAB_UNREAD?: number[]
  TASKS_TASK_UNREAD?: number[]
  [field: string]: unknown
}

/** One message of im.dialog.messages.get. */
export interface MessagePayload {
  id?: number
  chat_id?: number
  author_id?: number
  date?: string
  text?: string
  /** Past the user's read cursor. */
  unread?: boolean
  [field: string]: unknown
}

/** `result` of im.dialog.messages.get; `false` for a one-to-one dialog that has no chat yet. */
export interface MessagesPayload {
  chat_id?: number
  messages?: MessagePayload[]
  users?: { id?: number; name?: string; [field: string]: unknown }[]
  [field: string]: unknown
}

/** `result` of im.dialog.get: the dialog's chat. */
export interface DialogPayload {
  id?: number
  name?: string
  type?: string
  dialog_id?: string | number
  [field: string]: unknown
}
