import { isPlainObject } from '../rest/params.ts'
import { formatAtom } from '../rest/time.ts'
import { idsDownFrom, readCount } from './message-ids.ts'
import { PORTAL_USERS } from './users.ts'

/**
 * A dialog's messages and which of them the user has not read, per user and dialog. The recent
 * row says only how many are unread (`counter`), the last one read (`last_id`) and the newest
 * (`message`); the history behind it is derived the first time something needs it, so 20,000
 * dialogs cost nothing until one is read, made unread, opened or written to. From then on the
 * unread set is the truth and the row's `counter` is its size after every change.
 */

export interface PortalMessage {
  id: number
  authorId: number
  text: string
  /** ATOM date, as the im module answers dates. */
  date: string
  /** The message's CODE param: `USER_JOIN` for "a colleague joined". */
  code?: string
}

export interface DialogHistory {
  /** Ascending ids; the last one is the recent row's `message`. */
  messages: PortalMessage[]
  /** Ids of the messages the user has not read (b_im_message_unread rows). */
  unread: Set<number>
}

/** Unread messages a derived history holds at most: a row set through the control API may claim any counter. */
const MAX_DERIVED_UNREAD = 5000

/** Texts of the older messages (the newest one's text is the row's). */
const FILLER = [
  'Morning! Any news on the release?',
  'I have uploaded the new figures.',
  'Let us go through them at 3 pm.',
  'Sounds good 👍',
  'The client asked for the revised offer.',
  'Done, see the attachment.',
  'Thanks!',
]

/** A colleague joining shows in the dialog as a message with PARAMS.CODE USER_JOIN. */
export const USER_JOIN = 'USER_JOIN'

function positiveId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** The newest message's id, when the row has a real one (`message.id` a positive integer). */
export function lastMessageId(item: Record<string, unknown>): number | undefined {
  return isPlainObject(item.message) ? positiveId(item.message.id) : undefined
}

/**
 * A colleague who just joined (im module lib/recent.php, formatRow: `MESSAGE_CODE ===
 * 'USER_JOIN'` sets `options.default_user_record`): a real one-to-one row — a message, a chat —
 * carrying the flag. Only the flag shows the code in the list.
 */
export function isJoinedRow(item: unknown): boolean {
  return (
    isPlainObject(item) &&
    isPlainObject(item.options) &&
    item.options.default_user_record === true &&
    lastMessageId(item) !== undefined
  )
}

/**
 * Who writes in the dialog: for a one-to-one dialog the partner; for a chat its last author
 * when that is someone else, and the other portal users.
 */
function othersIn(item: Record<string, unknown>, userId: number): number[] {
  if (item.type === 'user') {
    const partner = positiveId(typeof item.id === 'string' ? Number(item.id) : item.id)
    return partner !== undefined && partner !== userId ? [partner] : [0]
  }
  const lastAuthor = isPlainObject(item.user) ? positiveId(item.user.id) : undefined
  const portal = PORTAL_USERS.map((user) => user.id).filter((id) => id !== userId)
  return lastAuthor !== undefined && lastAuthor !== userId
    ? [lastAuthor, ...portal.filter((id) => id !== lastAuthor)]
    : portal
}

/** The member who writes when no author is given: the partner, or a chat's first voice. */
export function defaultAuthor(item: Record<string, unknown>, userId: number): number {
  return othersIn(item, userId)[0] ?? 0
}

function derive(item: Record<string, unknown>, userId: number): DialogHistory | undefined {
  const lastId = lastMessageId(item)
  const newest = item.message
  if (lastId === undefined || !isPlainObject(newest)) return undefined
  const counter =
    typeof item.counter === 'number' && item.counter > 0
      ? Math.min(Math.trunc(item.counter), MAX_DERIVED_UNREAD)
      : 0
  const ids = idsDownFrom(lastId, counter + readCount(lastId))
  const others = othersIn(item, userId)
  const newestDate =
    typeof newest.date === 'string' ? newest.date : String(item.date_last_activity ?? '')
  const newestMs = Date.parse(newestDate)
  const messages = ids.map((id, step): PortalMessage => {
    if (step === 0) {
      return {
        id,
        authorId: positiveId(newest.author_id) ?? 0,
        text: typeof newest.text === 'string' ? newest.text : '',
        date: newestDate,
        ...(isJoinedRow(item) ? { code: USER_JOIN } : {}),
      }
    }
    // Unread ones are never the user's own (CountersUpdater::addForUsers skips the author);
    // read ones come from anyone, the user included.
    const voices = step < counter ? others : [...others, userId]
    return {
      id,
      authorId: voices[id % voices.length] as number,
      text: FILLER[id % FILLER.length] as string,
      // Older messages a few minutes apart each, strictly older than the next.
      date: Number.isNaN(newestMs)
        ? newestDate
        : formatAtom(newestMs - (step * 7 + (id % 5)) * 60_000),
    }
  })
  return { messages: messages.reverse(), unread: new Set(ids.slice(0, counter)) }
}

/**
 * Every history derived so far, keyed by the recent row it belongs to (rows are changed in
 * place and never replaced while they live, and they go out on the wire, so nothing is added
 * to them). A row set up anew — new demo data, raw items — starts without one.
 */
export class Histories {
  readonly #byItem = new WeakMap<object, DialogHistory>()

  /** The dialog's history, derived at first use; undefined for a row without a real message. */
  of(item: Record<string, unknown>, userId: number): DialogHistory | undefined {
    const known = this.#byItem.get(item)
    if (known) return known
    const derived = derive(item, userId)
    if (derived) this.#byItem.set(item, derived)
    return derived
  }

  /** The history only if something already derived it (reading everything needs no history). */
  peek(item: Record<string, unknown>): DialogHistory | undefined {
    return this.#byItem.get(item)
  }
}
