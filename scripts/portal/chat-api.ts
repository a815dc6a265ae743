import type { PlacementBinding, PortalStore } from './data/store.ts'
import { dialogRow, isDialogId } from './data/store.ts'
import { isPlainObject } from './rest/params.ts'
import { defaultAuthor } from './data/history.ts'
import { peopleOf } from './data/people.ts'

/**
 * The messenger's chat view of the local portal (`GET /portal-api/chat`): a dialog's newest
 * messages from its history (data/history.ts: real ids, real authors, unread as the unread set
 * says), each with the menu items apps bound to IM_CONTEXT_MENU, and what opening such an item
 * launches. It shows what im.recent.list, im.dialog.messages.get and im.dialog.read / unread
 * say, since all of them read the same history.
 */

/** How many of the newest messages the view shows. */
export const CHAT_VIEW_MESSAGES = 8

export interface ChatMessage {
  id: number
  authorId: number
  author: string
  text: string
  unread: boolean
}

export interface ChatView {
  dialogId: string
  title: string
  counter: number
  lastId: number
  messages: ChatMessage[]
  /** Who writes when the page asks for a new message (POST /portal-api/message); null without messages. */
  sender: { id: number; name: string } | null
  /** The app's message-menu item: only once the app is installed and bound IM_CONTEXT_MENU. */
  menuItem: { title: string; handler: string } | null
}

/** The IM_CONTEXT_MENU binding a message menu shows, or null (not installed, not bound). */
export function contextMenuBinding(store: PortalStore): PlacementBinding | null {
  if (!store.installed) return null
  return store.placements.find((binding) => binding.placement === 'IM_CONTEXT_MENU') ?? null
}

/** The item's title in the user's language (LANG_ALL), else TITLE — as placement.bind says. */
export function bindingTitle(binding: PlacementBinding, lang: string): string {
  const localized = binding.langAll[lang]
  const title = isPlainObject(localized) ? localized.TITLE : undefined
  return typeof title === 'string' && title !== '' ? title : binding.title
}

export function chatView(
  store: PortalStore,
  userId: number,
  dialogId: string,
  lang: string,
): ChatView | null {
  if (!isDialogId(dialogId)) return null
  const state = store.user(userId)
  const item = dialogRow(state.items, dialogId)
  if (!item) return null
  const history = store.histories.of(item, userId)
  const people = peopleOf(state.items)
  const nameOf = (id: number): string => {
    const person = people.get(id)
    if (isPlainObject(person) && typeof person.name === 'string') return person.name
    return id === 0 ? 'System' : `User ${id}`
  }
  const messages = (history?.messages.slice(-CHAT_VIEW_MESSAGES) ?? []).map((message) => ({
    id: message.id,
    authorId: message.authorId,
    author: nameOf(message.authorId),
    text: message.text,
    unread: history?.unread.has(message.id) ?? false,
  }))
  const senderId = defaultAuthor(item, userId)
  const binding = contextMenuBinding(store)
  return {
    dialogId,
    title: String(item.title ?? dialogId),
    counter: typeof item.counter === 'number' && item.counter > 0 ? item.counter : 0,
    lastId: typeof item.last_id === 'number' ? item.last_id : 0,
    messages,
    sender: history ? { id: senderId, name: nameOf(senderId) } : null,
    menuItem: binding ? { title: bindingTitle(binding, lang), handler: binding.handler } : null,
  }
}

/**
 * PLACEMENT_OPTIONS of a message-menu launch as the messenger sends them: `{dialogId, messageId}`
 * (docs/bitrix24-facts.md, "Placements and install"), or null when the page asked for something that is not a message.
 */
export function contextMenuOptions(value: unknown): Record<string, unknown> | null {
  if (!isPlainObject(value)) return null
  const { dialogId, messageId } = value
  if (!isDialogId(dialogId)) return null
  if (typeof messageId !== 'number' || !Number.isInteger(messageId) || messageId <= 0) return null
  return { dialogId: String(dialogId), messageId }
}
