import { isPlainObject, integer } from './params.ts'
import { restErrors } from './errors.ts'
import { parseDialogId } from '../data/store.ts'
import type { MethodHandler } from './types.ts'

/**
 * im.dialog.read / im.dialog.read.all — reading a dialog zeroes (or lowers) its counter and
 * drops the manual "unread" mark, the way the messenger does when a chat is opened.
 * Answer shape: b24restdocs api-reference/chats/messages/im-dialog-read.md.
 */

export const imDialogRead: MethodHandler = (params, { userId, store }) => {
  const ref = parseDialogId(params.DIALOG_ID)
  if (!ref) throw restErrors.dialogIdEmpty()
  let messageId: number | undefined
  if (params.MESSAGE_ID !== undefined && params.MESSAGE_ID !== null && params.MESSAGE_ID !== '') {
    messageId = integer(params, 'MESSAGE_ID', 0)
    if (messageId <= 0) throw restErrors.messageIdError()
  }
  const item = store.find(userId, ref)
  if (!item) return { result: false }
  const lastMessageId =
    isPlainObject(item.message) && typeof item.message.id === 'number' ? item.message.id : 0
  const before = typeof item.counter === 'number' ? item.counter : 0
  let counter = 0
  let lastId = lastMessageId
  if (messageId !== undefined && messageId < lastMessageId) {
    counter = Math.min(before, lastMessageId - messageId)
    lastId = messageId
  }
  item.counter = counter
  item.last_id = lastId
  item.unread = false
  return {
    result: {
      dialogId: String(item.id),
      chatId: typeof item.chat_id === 'number' ? item.chat_id : 0,
      counter,
      lastId,
    },
  }
}

export const imDialogReadAll: MethodHandler = (_params, { userId, store }) => {
  for (const item of store.user(userId).items) {
    if (!isPlainObject(item)) continue
    item.counter = 0
    item.unread = false
    if (isPlainObject(item.message) && typeof item.message.id === 'number')
      item.last_id = item.message.id
  }
  return { result: true }
}
