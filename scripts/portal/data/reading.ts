import type { RecentItem } from './generate.ts'
import type { DialogHistory, PortalMessage } from './history.ts'

/**
 * What reading does to one dialog of one user, as the im module's Reader does it (im module
 * lib/V2/Reading/Reader.php): the unread set, the cursor `last_id` (the relation's LAST_ID) and
 * the manual mark `unread` (b_im_recent.UNREAD). After each change the row's `counter` is the
 * size of the unread set.
 */

function cursorOf(item: RecentItem): number {
  return typeof item.last_id === 'number' ? item.last_id : 0
}

function newestOf(history: DialogHistory): PortalMessage | undefined {
  return history.messages.at(-1)
}

/**
 * Reader::readTo: unread rows up to `upTo` go (`'<=MESSAGE_ID'`), the cursor only moves forward
 * — to `upTo` itself, which is not checked against the chat — and the mark stays
 * (RecentReader::updateDateUpdate touches the date only).
 */
export function readUpTo(item: RecentItem, history: DialogHistory, upTo: number): void {
  for (const id of history.unread) if (id <= upTo) history.unread.delete(id)
  item.counter = history.unread.size
  item.last_id = Math.max(cursorOf(item), upTo)
}

/**
 * Reader::readAllInChat: every unread row goes, the cursor moves to the last message and the
 * manual mark is cleared (RecentReader::read). A dialog without messages returns early, mark and
 * all untouched.
 */
export function readEverything(item: RecentItem, history: DialogHistory): void {
  const newest = newestOf(history)
  if (!newest) return
  history.unread.clear()
  item.counter = 0
  item.last_id = newest.id
  item.unread = false
}

/**
 * The unread threshold of im.dialog.unread (CIMMessage::SetLastIdForUnread): the cursor goes to
 * the dialog's last message below `from` (0 when there is none), and every message from `from`
 * on that is not the user's own joins the unread set (CountersUpdater::addStartingFrom:
 * `whereNot('AUTHOR_ID', …)`); unread ones before it stay unread, the mark is not touched.
 */
export function unreadFrom(
  item: RecentItem,
  history: DialogHistory,
  from: number,
  userId: number,
): void {
  let cursor = 0
  for (const message of history.messages) {
    if (message.id < from) cursor = message.id
    else if (message.authorId !== userId) history.unread.add(message.id)
  }
  item.last_id = cursor
  item.counter = history.unread.size
}

/**
 * A new message in the dialog. Someone else's joins the unread set
 * (CountersUpdater::addForUsers); the user's own reads everything up to it and clears the mark
 * (NewMessageHandler::handle: `delete()->toMessage(...)`, `recentReader->read(...)`).
 */
export function appendMessage(
  item: RecentItem,
  history: DialogHistory,
  message: PortalMessage,
  userId: number,
): void {
  history.messages.push(message)
  if (message.authorId === userId) {
    history.unread.clear()
    item.last_id = message.id
    item.unread = false
  } else {
    history.unread.add(message.id)
  }
  item.counter = history.unread.size
}
