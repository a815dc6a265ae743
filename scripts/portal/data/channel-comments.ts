import { isPlainObject } from '../rest/params.ts'

/**
 * Unread comments under channel posts, per user: each post's comments are a chat of their own
 * whose parent is the channel (im module LegacyCountersAdapter::processChannelComment: a counter
 * with `parentChatId > 0`). They are not rows of the recent list; im.counters.get reports them
 * as `CHANNEL_COMMENT {channelChatId: {commentChatId: n}}`.
 */
export type ChannelComments = Map<number, Map<number, number>>

/** Comment chats get ids of their own, apart from the list's chats. */
const COMMENT_CHAT_ID_BASE = 700_000

/** Unread comments under each demo channel's post. */
const DEMO_UNREAD_COMMENTS = 2

/** The demo data's comments: one thread with two unread comments under every channel's post. */
export function demoChannelComments(items: readonly unknown[]): ChannelComments {
  const comments: ChannelComments = new Map()
  for (const item of items) {
    if (!isPlainObject(item) || !isPlainObject(item.chat) || item.chat.type !== 'channel') continue
    const chatId = item.chat_id
    if (typeof chatId !== 'number') continue
    comments.set(chatId, new Map([[COMMENT_CHAT_ID_BASE + chatId, DEMO_UNREAD_COMMENTS]]))
  }
  return comments
}

/** Unread comments under a channel, all threads together. */
export function commentTotal(comments: ChannelComments, chatId: unknown): number {
  if (typeof chatId !== 'number') return 0
  let total = 0
  for (const count of comments.get(chatId)?.values() ?? []) total += count
  return total
}
