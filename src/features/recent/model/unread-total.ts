import type { Dialog } from './dialog.ts'

/**
 * The messenger's unread total, counted as Bitrix24 counts it (the im module's
 * `Bitrix\Im\V2\Message\CounterService::getTotal`): every unread message of a chat that is not
 * muted, plus 1 for each chat with the manual mark and no unread messages; muted chats add
 * nothing, and neither do open-line sessions still waiting in a queue (the user is not in them).
 */
export function unreadTotal(
  dialogs: Iterable<Pick<Dialog, 'counter' | 'markedUnread' | 'muted' | 'waiting'>>,
) {
  let total = 0
  for (const dialog of dialogs) {
    if (dialog.muted || dialog.waiting) continue
    total += dialog.counter > 0 ? dialog.counter : dialog.markedUnread ? 1 : 0
  }
  return total
}
