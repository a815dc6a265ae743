/**
 * Where a dialog's messages sit among the portal's message ids. Ids are global (one table for
 * every chat), so between two messages of one dialog lie ids of chats the user is not in: the
 * step from one message of a dialog to the next older one is 2…4, never 1, and `last_id + 1` is
 * never the next message of the same dialog. A history is the dialog's unread messages plus
 * 10…14 read ones before them, all derived from the newest message's id, so the generator can
 * place dialogs without building a single history.
 */

/** The fewest read messages before a dialog's unread ones; up to READ_SPREAD - 1 more. */
const READ_MIN = 10
const READ_SPREAD = 5
const GAP_MIN = 2
const GAP_SPREAD = 3

/** A 32-bit integer hash of two integers (murmur3's finalizer), for deterministic spreads. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** How many read messages precede the unread ones in the dialog whose newest message is `lastId`. */
export function readCount(lastId: number): number {
  return READ_MIN + (mix(lastId, 0) % READ_SPREAD)
}

/** The step from the `step`-th newest message (0 = the newest) to the next older one. */
function gapBelow(lastId: number, step: number): number {
  return GAP_MIN + (mix(lastId, step + 1) % GAP_SPREAD)
}

/** Up to `length` message ids of the dialog, newest first, none below 1. */
export function idsDownFrom(lastId: number, length: number): number[] {
  const ids: number[] = []
  let id = lastId
  for (let step = 0; step < length && id >= 1; step++) {
    ids.push(id)
    id -= gapBelow(lastId, step)
  }
  return ids
}

/** The newest read message when the `unread` newest are unread; 0 when there is none. */
export function lastReadId(lastId: number, unread: number): number {
  let id = lastId
  for (let step = 0; step < unread && id >= 1; step++) id -= gapBelow(lastId, step)
  return Math.max(0, id)
}

/** Room a dialog with `unread` unread messages needs below its newest id, whatever that id is. */
export function reservedWidth(unread: number): number {
  return (unread + READ_MIN + READ_SPREAD - 2) * (GAP_MIN + GAP_SPREAD - 1)
}
