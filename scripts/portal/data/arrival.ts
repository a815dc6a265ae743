import { formatAtom } from '../rest/time.ts'
import { defaultAuthor, isJoinedRow } from './history.ts'
import type { PortalMessage } from './history.ts'
import { resort } from './list-order.ts'
import { peopleOf } from './people.ts'
import { appendMessage } from './reading.ts'
import { dialogRow } from './store.ts'
import type { PortalStore } from './store.ts'

/**
 * A message arriving in one of a user's dialogs while the app is open — what a portal's push
 * would bring. The message gets the portal's next message id, joins the dialog's history and
 * becomes the recent row's last message; the list is re-sorted as the messenger orders it.
 */

export interface Arrival {
  /** Who writes; default: the partner of a one-to-one dialog, a member other than the user in a chat. */
  authorId?: number
  text?: string
}

/** Texts of arriving messages when none is given. */
const ARRIVING = ['Are you there?', 'Quick question about the report', 'Call me when you can 📞']

/** The row's `message` block for a new message (the keys of an im.recent.list item's message). */
function messageBlock(message: PortalMessage): Record<string, unknown> {
  return {
    id: message.id,
    text: message.text,
    file: false,
    author_id: message.authorId,
    attach: false,
    sticker: null,
    date: message.date,
    status: 'received',
    uuid: null,
  }
}

/**
 * Delivers a message to `userId`'s dialog `dialogId` (any form im.dialog.read takes). Returns
 * the message, or undefined when the user has no such dialog with messages.
 */
export function deliver(
  store: PortalStore,
  userId: number,
  dialogId: string | number,
  arrival: Arrival,
  nowMs: number,
): PortalMessage | undefined {
  const state = store.user(userId)
  const item = dialogRow(state.items, dialogId)
  const history = item && store.histories.of(item, userId)
  if (!item || !history) return undefined
  const id = store.nextMessageId()
  const message: PortalMessage = {
    id,
    authorId: arrival.authorId ?? defaultAuthor(item, userId),
    text: arrival.text ?? (ARRIVING[id % ARRIVING.length] as string),
    date: formatAtom(nowMs),
  }
  // The row's flag came from its last message's USER_JOIN code (lib/recent.php, formatRow); a
  // newer message ends it.
  if (isJoinedRow(item)) item.options = []
  appendMessage(item, history, message, userId)
  item.message = messageBlock(message)
  if (item.type === 'chat') {
    // A chat row's `user` is its last message's author (Recent::formatRow: MESSAGE_AUTHOR_ID).
    const author = peopleOf(state.items).get(message.authorId)
    item.user = author ?? { id: 0 }
  }
  item.date_update = message.date
  item.date_last_activity = message.date
  resort(state)
  return message
}
