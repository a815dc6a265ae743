/**
 * The messenger's chat view on the portal page (`?chat=DIALOG_ID`): the dialog's newest
 * messages, each with a "…" menu that holds the item the app bound to IM_CONTEXT_MENU (only once
 * the app is installed and bound it). Choosing the item opens the app in a slider — an iframe
 * panel named `DOMAIN|PROTOCOL|APP_SID` like every app frame — launched with a form POST to the
 * bound handler, PLACEMENT=IM_CONTEXT_MENU and PLACEMENT_OPTIONS `{dialogId, messageId}`
 * (docs/bitrix24-facts.md, "Placements and install"), and answers the slider's frame commands. "New message from …"
 * (#chat-receive) lets anyone trying the app have a message arrive while the app is open.
 *
 * Element ids the e2e tests rely on: #im-chat, #chat-messages (li[data-message-id][data-unread]),
 * #chat-receive, #app-slider, #slider-frame, #slider-title, #slider-close.
 */
import {
  formatFrameReply,
  frameName,
  isFrameCommand,
  parseFrameMessage,
} from '../frame-protocol.ts'
import type { ChatView } from '../chat-api.ts'
import type { LaunchData } from '../portal-api.ts'
import type { PageConfig } from './html.ts'
import { initData, postJson, postLaunch, refreshLaunch } from './launch-support.ts'

type LogFrame = (
  method: string,
  details?: { params?: unknown; error?: string; note?: string },
) => void

const STYLE = `
#im-chat{display:flex;flex-direction:column;height:100%;min-height:480px}
#im-chat header{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:10px 16px;border-bottom:1px solid #e6e9ec}
#chat-receive{border:1px solid #1f9bd3;border-radius:16px;background:#fff;color:#1f9bd3;padding:4px 12px;font:inherit;cursor:pointer}
#chat-receive[hidden]{display:none}
#im-chat h2{margin:0;font-size:16px}
#chat-messages{list-style:none;margin:0;padding:12px 16px;display:flex;flex-direction:column;gap:8px;overflow:auto;flex:1 1 auto;background:#f5f7f8}
.chat-message{position:relative;max-width:70%;padding:8px 36px 8px 12px;border-radius:12px;background:#fff;box-shadow:0 1px 1px rgba(0,0,0,.06)}
.chat-message[data-unread="true"]{background:#e5f6fe}
.chat-message .author{font-size:12px;font-weight:600;color:#1f9bd3}
.chat-message p{margin:2px 0 0}
.chat-message .unread-tag{font-size:11px;color:#1f9bd3}
.chat-message .menu-button{position:absolute;top:6px;right:6px;border:0;background:none;font-size:16px;cursor:pointer;border-radius:6px;padding:0 6px}
.chat-message [role=menu]{position:absolute;top:30px;right:6px;z-index:5;background:#fff;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.18);padding:4px 0;min-width:220px}
.chat-message [role=menuitem]{display:block;width:100%;text-align:left;border:0;background:none;padding:6px 12px;font:inherit;cursor:pointer}
.chat-message [role=menuitem]:hover,.chat-message [role=menuitem]:focus{background:#eef6fb}
#app-slider{position:fixed;top:0;right:0;bottom:0;width:min(560px,90vw);background:#eef2f4;box-shadow:-8px 0 24px rgba(0,0,0,.25);display:flex;flex-direction:column;z-index:20}
#app-slider[hidden]{display:none}
#app-slider header{display:flex;align-items:center;justify-content:space-between;padding:10px 16px;background:#fff}
#slider-title{margin:0;font-size:18px;font-weight:400}
#slider-frame{flex:1 1 auto;border:0;width:100%}
`

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  const { dataset, ...rest } = props
  Object.assign(node, rest)
  if (dataset) Object.assign(node.dataset, dataset)
  node.append(...children)
  return node
}

/** Shows the chat view when the page asks for one; false leaves the page to its app frame. */
export function mountChat(config: PageConfig, logFrame: LogFrame): boolean {
  const dialogId = new URLSearchParams(location.search).get('chat')
  if (!dialogId) return false
  document.head.append(element('style', { textContent: STYLE }))
  const container = document.getElementById('app-container') as HTMLElement
  const title = element('h2', { id: 'chat-title' })
  const receive = element('button', { id: 'chat-receive', type: 'button', hidden: true })
  const list = element('ol', { id: 'chat-messages' })
  container.replaceChildren(
    element('section', { id: 'im-chat' }, element('header', {}, title, receive), list),
  )
  const slider = element('aside', { id: 'app-slider', hidden: true })
  slider.setAttribute('role', 'dialog')
  slider.setAttribute('aria-labelledby', 'slider-title')
  const sliderTitle = element('h2', { id: 'slider-title' })
  const close = element('button', { id: 'slider-close', type: 'button', textContent: 'Close' })
  slider.append(element('header', {}, sliderTitle, close))
  document.body.append(slider)

  let frame: HTMLIFrameElement | null = null
  let launch: LaunchData | null = null
  let frameOrigin = ''

  const query = new URLSearchParams({
    user: String(config.userId),
    dialog: dialogId,
    lang: config.lang,
  })
  let shown = ''
  async function render(): Promise<void> {
    const response = await fetch(`/portal-api/chat?${query.toString()}`)
    if (!response.ok) {
      shown = ''
      title.textContent = `No dialog ${dialogId}`
      receive.hidden = true
      list.replaceChildren()
      return
    }
    const text = await response.text()
    // Re-rendered only when something changed, so an open message menu stays open.
    if (text === shown) return
    shown = text
    const view = JSON.parse(text) as ChatView
    title.textContent = view.title
    receive.hidden = view.sender === null
    receive.textContent = view.sender ? `New message from ${view.sender.name}` : ''
    list.replaceChildren(...view.messages.map((message) => messageItem(view, message)))
  }

  function messageItem(view: ChatView, message: ChatView['messages'][number]): HTMLLIElement {
    const menu = element('div', { hidden: true })
    menu.setAttribute('role', 'menu')
    menu.append(element('button', { type: 'button', textContent: 'Reply' }))
    const menuItem = view.menuItem
    if (menuItem) {
      const item = element('button', {
        type: 'button',
        textContent: menuItem.title,
        dataset: { placement: 'IM_CONTEXT_MENU' },
      })
      item.addEventListener('click', () => {
        menu.hidden = true
        void openSlider(menuItem.title, view.dialogId, message.id)
      })
      menu.append(item)
    }
    for (const item of menu.children) item.setAttribute('role', 'menuitem')
    const button = element('button', { type: 'button', className: 'menu-button', textContent: '…' })
    button.setAttribute('aria-label', `Message menu: ${message.text.slice(0, 40)}`)
    button.setAttribute('aria-haspopup', 'menu')
    button.addEventListener('click', () => {
      menu.hidden = !menu.hidden
      button.setAttribute('aria-expanded', String(!menu.hidden))
    })
    return element(
      'li',
      {
        className: 'chat-message',
        dataset: { messageId: String(message.id), unread: String(message.unread) },
      },
      element('div', { className: 'author', textContent: message.author }),
      element('p', { textContent: message.text }),
      ...(message.unread
        ? [element('span', { className: 'unread-tag', textContent: 'unread' })]
        : []),
      button,
      menu,
    )
  }

  async function openSlider(itemTitle: string, dialog: string, messageId: number): Promise<void> {
    const data = await postJson<LaunchData>('/portal-api/launch', {
      user: config.userId,
      placement: 'IM_CONTEXT_MENU',
      placementOptions: { dialogId: dialog, messageId },
      install: 'N',
      lang: config.lang,
    })
    launch = data
    const https = location.protocol === 'https:'
    const name = frameName(location.host, https, data.appSid)
    frame = element('iframe', { id: 'slider-frame', name, title: itemTitle })
    slider.querySelector('#slider-frame')?.remove()
    slider.append(frame)
    sliderTitle.textContent = itemTitle
    slider.hidden = false
    frameOrigin = postLaunch(data, name, config.appUrl)
    logFrame('(slider)', {
      note: `IM_CONTEXT_MENU ${JSON.stringify(data.placementOptions)}, APP_SID ${data.appSid}`,
    })
  }

  function closeSlider(): void {
    slider.hidden = true
    frame?.remove()
    frame = null
    launch = null
    void render()
  }
  close.addEventListener('click', closeSlider)

  receive.addEventListener('click', () => {
    receive.disabled = true
    postJson('/portal-api/message', { user: config.userId, dialog: dialogId })
      .then(render)
      .catch((error: unknown) =>
        logFrame('(chat)', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        receive.disabled = false
      })
  })

  function reply(callback: string, result?: unknown): void {
    frame?.contentWindow?.postMessage(formatFrameReply(callback, result), frameOrigin)
  }

  async function handle(command: string, params: unknown, callback: string, data: LaunchData) {
    switch (command) {
      case 'getInitData':
        reply(callback, initData(data))
        return
      case 'refreshAuth':
        reply(callback, await refreshLaunch(data))
        return
      case 'setTitle':
        sliderTitle.textContent = String((params as { title?: unknown } | null)?.title ?? '')
        reply(callback)
        return
      case 'imOpenMessenger': {
        // Fire-and-forget: the messenger opens that dialog (here: the chat view of it).
        const target = String((params as { dialogId?: unknown } | null)?.dialogId ?? '')
        const url = new URL(location.href)
        url.searchParams.set('chat', target)
        location.assign(url.toString())
        return
      }
      case 'closeApplication':
        closeSlider()
        return
      default:
        reply(callback)
    }
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = launch
    if (!frame || !data || event.source !== frame.contentWindow) return
    if (event.origin !== frameOrigin) return logFrame('(rejected)', { error: 'wrong origin' })
    const parsed = parseFrameMessage(event.data, data.appSid)
    if (!parsed.ok || parsed.paramsError || !isFrameCommand(parsed.command)) {
      return logFrame('(rejected)', { error: 'bad slider message' })
    }
    logFrame(parsed.command, { params: parsed.params, note: 'slider' })
    handle(parsed.command, parsed.params, parsed.callback, data).catch((error: unknown) =>
      logFrame(parsed.command, { error: error instanceof Error ? error.message : String(error) }),
    )
  })

  // The messenger keeps a chat live; polling the page's back-end stands in for its push.
  void render()
  setInterval(() => void render(), 1_000)
  return true
}
