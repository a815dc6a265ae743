import { toDialogId, type DialogId } from '../../recent/model/dialog.ts'

/** The message whose menu opened the app (IM_CONTEXT_MENU), and its dialog. */
export interface MenuTarget {
  dialogId: DialogId
  messageId: number
}

function toMessageId(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : raw
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null
}

/**
 * Reads PLACEMENT_OPTIONS of a message-menu launch: `{dialogId, messageId}` (docs/bitrix24-facts.md, "Placements and install").
 * Portals send numbers as strings at times, and the options come from the page around the app,
 * so anything that is not a well-formed dialog id and a positive message id gives null.
 */
export function readMenuTarget(options: unknown): MenuTarget | null {
  if (typeof options !== 'object' || options === null) return null
  const { dialogId, messageId } = options as Record<string, unknown>
  const dialog =
    typeof dialogId === 'string' && /^[1-9]\d*$/.test(dialogId)
      ? toDialogId(Number(dialogId))
      : toDialogId(dialogId)
  const message = toMessageId(messageId)
  return dialog === null || message === null ? null : { dialogId: dialog, messageId: message }
}
