import type { Portal } from './connection.ts'

type MessengerDialogId = Parameters<Portal['parent']['imOpenMessenger']>[0]

/** Opens a dialog in the portal's own messenger (fire-and-forget: the portal never answers). */
export function openInMessenger(portal: Portal, dialogId: number | string): void {
  void portal.parent.imOpenMessenger(dialogId as MessengerDialogId).catch(() => {})
}
