import { RestError, restErrors } from './errors.ts'
import { dialogRow, isDialogId } from '../data/store.ts'
import { chatObject } from './search.ts'
import type { MethodHandler } from './types.ts'

/**
 * im.dialog.get (im module classes/general/im_rest.php, CIMRestService::dialogGet): a malformed
 * DIALOG_ID is DIALOG_ID_EMPTY (400); a dialog the user has no access to is ACCESS_ERROR (403,
 * Dialog::hasAccess), one without a chat ACCESS_ERROR (400); otherwise the dialog's chat as
 * Chat::getById formats it, with `dialog_id`. A one-to-one dialog's chat is a private chat; the
 * portal names it after the other person (what Chat::getById names a private chat was not read).
 */
export const imDialogGet: MethodHandler = (params, context) => {
  const dialogId = params.DIALOG_ID
  if (!isDialogId(dialogId)) throw restErrors.dialogIdEmpty()
  const item = dialogRow(context.store.user(context.userId).items, dialogId)
  if (!item)
    throw new RestError(403, 'ACCESS_ERROR', 'You do not have access to the specified dialog')
  if (typeof item.chat_id !== 'number' || item.chat_id <= 0)
    throw new RestError(400, 'ACCESS_ERROR', "You don't have access to this chat")
  const chat = chatObject(item, context)
  const personal = item.type === 'user'
  return {
    result: {
      ...chat,
      ...(personal ? { name: item.title ?? '', type: 'private' } : {}),
      dialog_id: personal ? String(item.id) : `chat${item.chat_id}`,
    },
  }
}
