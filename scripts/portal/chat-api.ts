import type { PlacementBinding, PortalStore } from './data/store.ts'
import { dialogRow, isDialogId } from './data/store.ts'
import { isPlainObject } from './rest/params.ts'
import { fullName, portalUser } from './data/users.ts'

/**
 * The messenger's chat view of the local portal (`GET /portal-api/chat`): a dialog's newest
 * messages, each with the menu items apps bound to IM_CONTEXT_MENU, and what opening such an
 * item launches. A dialog's messages are its message ids up to `message.id`; the `counter`
 * newest are unread (the data model of rest/dialog.ts), so the view always agrees with what
 * im.recent.list and im.dialog.read / unread say.
 */

/** How many of the newest messages the view shows. */
export const CHAT_VIEW_MESSAGES = 8

const FILLER = [
  'Morning! Any news on the release?',
  'I have uploaded the new figures.',
  'Let us go through them at 3 pm.',
  'Sounds good 👍',
  'The client asked for the revised offer.',
  'Done, see the attachment.',
  'Thanks!',
]

export interface ChatMessage {
  id: number
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
  const item = dialogRow(store.user(userId).items, dialogId)
  if (!item) return null
  const last =
    isPlainObject(item.message) && typeof item.message.id === 'number' ? item.message.id : 0
  const counter = typeof item.counter === 'number' && item.counter > 0 ? item.counter : 0
  const partner = item.type === 'user' ? String(item.title ?? '') : 'A colleague'
  const me = fullName(portalUser(userId) ?? { firstName: 'You', lastName: '' })
  const messages: ChatMessage[] = []
  for (let id = Math.max(1, last - CHAT_VIEW_MESSAGES + 1); id <= last; id++) {
    const newest = id === last
    const text =
      newest && isPlainObject(item.message) && typeof item.message.text === 'string'
        ? item.message.text
        : (FILLER[id % FILLER.length] as string)
    const unread = id > last - counter
    // Unread messages are never the user's own; the read ones alternate.
    messages.push({ id, author: unread || id % 2 === 0 ? partner : me, text, unread })
  }
  const binding = contextMenuBinding(store)
  return {
    dialogId,
    title: String(item.title ?? dialogId),
    counter,
    lastId: typeof item.last_id === 'number' ? item.last_id : 0,
    messages,
    menuItem: binding ? { title: bindingTitle(binding, lang), handler: binding.handler } : null,
  }
}

/**
 * PLACEMENT_OPTIONS of a message-menu launch as the messenger sends them: `{dialogId, messageId}`
 * (PROTOCOL.md §5), or null when the page asked for something that is not a message.
 */
export function contextMenuOptions(value: unknown): Record<string, unknown> | null {
  if (!isPlainObject(value)) return null
  const { dialogId, messageId } = value
  if (!isDialogId(dialogId)) return null
  if (typeof messageId !== 'number' || !Number.isInteger(messageId) || messageId <= 0) return null
  return { dialogId: String(dialogId), messageId }
}
