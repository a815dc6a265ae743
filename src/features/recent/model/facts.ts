import type { Dialog } from './dialog.ts'

/**
 * What the server was heard to hold of a dialog's unread state — from a confirmed change, a
 * read-back or another open copy of the app — and when.
 */
export interface Fact {
  /** Epoch ms when it was learnt (a read-back: when its request left). */
  at: number
  markedUnread: boolean
  /** Unread messages, when the server's answer tells them; a mark alone says nothing of them. */
  counter?: number
}

/**
 * What a confirmed change tells of the server: a read reads every message and clears the mark
 * (im.dialog.read without MESSAGE_ID, im.recent.unread N); unread sets the mark and leaves the
 * messages as they are.
 */
export function factOfChange(unread: boolean, at: number): Fact {
  return { at, ...stateOfChange(unread) }
}

/** The same, without when it was learnt: a change still on its way. */
export function stateOfChange(unread: boolean): Omit<Fact, 'at'> {
  return unread ? { markedUnread: true } : { markedUnread: false, counter: 0 }
}

type MarkState = Pick<Dialog, 'markedUnread' | 'counter'>

/**
 * A dialog as a page brought it, with what the server was heard to hold since that page's
 * request left laid over it. A page asked for later than the fact is newer than the fact and
 * stands as it is.
 */
export function layUnder<T extends MarkState>(state: T, seenAt: number, fact?: Fact): T {
  if (!fact || fact.at < seenAt) return state
  const counter = fact.counter ?? state.counter
  if (state.markedUnread === fact.markedUnread && state.counter === counter) return state
  return { ...state, markedUnread: fact.markedUnread, counter }
}

/** Whether the server holds the dialog unread, as far as the fact tells. */
export const isUnreadFact = (fact: Omit<Fact, 'at'>): boolean =>
  fact.markedUnread || (fact.counter ?? 0) > 0
