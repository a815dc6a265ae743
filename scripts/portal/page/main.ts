/**
 * The portal page's script (bundled by esbuild at server start, served as
 * /portal-assets/page.js). It does what a Bitrix24 portal does around an app:
 * launches it into an iframe with a form POST, answers the frame protocol over postMessage
 * (only from that iframe and the app's origin, only with the current APP_SID), and shows a
 * live log of frame commands and REST calls.
 */
import {
  formatFrameReply,
  frameName,
  isFrameCommand,
  parseFrameMessage,
  resizeToCss,
} from '../frame-protocol.ts'
import type { InitData } from '../frame-protocol.ts'
import type { PageConfig } from './html.ts'
import type { LaunchData } from '../portal-api.ts'
import type { LogEntry } from '../log.ts'

const LOG_LIMIT = 500

const config = JSON.parse(
  document.getElementById('portal-config')?.textContent ?? '{}',
) as PageConfig
const container = document.getElementById('app-container') as HTMLElement
const titleElement = document.getElementById('app-title') as HTMLElement
const openedDialog = document.getElementById('opened-dialog') as HTMLElement
const logList = document.getElementById('request-log') as HTMLOListElement

let placement = config.placement
let install = config.install
let launchData: LaunchData | null = null
let iframe: HTMLIFrameElement | null = null
/** Origin of the URL the app was opened at (the bound handler's, for a placement). */
let appOrigin = config.appOrigin
const navigationItem = document.getElementById('im-nav-item') as HTMLButtonElement
let frameLogId = 0

/** Frame entries kept for tests (`window.__portal.frameLog`), newest first. */
const frameLog: LogEntry[] = []

// ---------------------------------------------------------------- request log panel

function renderEntry(entry: LogEntry): void {
  const item = document.createElement('li')
  item.dataset.source = entry.source
  item.dataset.method = entry.method
  if (entry.status !== undefined) item.dataset.status = String(entry.status)
  if (entry.error) {
    item.dataset.error = entry.error
    item.classList.add('is-error')
  }
  const time = new Date(entry.at).toLocaleTimeString()
  const tag = document.createElement('span')
  tag.className = 'tag'
  tag.textContent = entry.source === 'rest' ? 'REST' : 'FRAME'
  const head = document.createElement('span')
  const status = entry.status !== undefined ? ` ${entry.status}` : ''
  const error = entry.error ? ` ${entry.error}` : ''
  const duration = entry.durationMs !== undefined ? ` ${entry.durationMs} ms` : ''
  head.textContent = ` ${time} ${entry.method}`
  const statusElement = document.createElement('span')
  statusElement.className = 'status'
  statusElement.textContent = `${status}${error}${duration}`
  item.append(tag, head, statusElement)
  if (entry.note) {
    const note = document.createElement('span')
    note.className = 'note'
    note.textContent = ` — ${entry.note}`
    item.append(note)
  }
  if (entry.params !== undefined) {
    const params = document.createElement('code')
    params.className = 'params'
    params.textContent =
      typeof entry.params === 'string' ? entry.params : JSON.stringify(entry.params)
    item.append(params)
  }
  logList.prepend(item)
  while (logList.childElementCount > LOG_LIMIT) logList.lastElementChild?.remove()
}

const SECRET = new Set(['auth', 'auth_id', 'refresh_id', 'access_token', 'refresh_token'])

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET.has(key.toLowerCase()) ? '***' : redact(item),
      ]),
    )
  }
  return value
}

function logFrame(
  method: string,
  details: { params?: unknown; error?: string; note?: string } = {},
): void {
  const entry: LogEntry = {
    id: ++frameLogId,
    at: new Date().toISOString(),
    source: 'frame',
    method,
    ...(details.params !== undefined ? { params: redact(details.params) } : {}),
    ...(details.error ? { error: details.error } : {}),
    ...(details.note ? { note: details.note } : {}),
  }
  frameLog.unshift(entry)
  if (frameLog.length > LOG_LIMIT) frameLog.length = LOG_LIMIT
  renderEntry(entry)
}

function connectEvents(): void {
  const source = new EventSource('/portal-api/events')
  source.onmessage = (event: MessageEvent<string>) => {
    try {
      renderEntry(JSON.parse(event.data) as LogEntry)
    } catch {
      // A broken event is not worth breaking the page for.
    }
  }
}

// ---------------------------------------------------------------- launch

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const data = (await response.json()) as T & { error?: string }
  if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`)
  return data
}

function addField(form: HTMLFormElement, name: string, value: string): void {
  const input = document.createElement('input')
  input.type = 'hidden'
  input.name = name
  input.value = value
  form.append(input)
}

/** A fresh iframe per launch (its name carries the new APP_SID), loaded by a form POST. */
async function launch(): Promise<void> {
  const data = await postJson<LaunchData>('/portal-api/launch', {
    user: config.userId,
    placement,
    install: install ? 'Y' : 'N',
    lang: config.lang,
  })
  launchData = data
  install = data.install
  showNavigationItem(data.navigation)
  const https = location.protocol === 'https:'
  const name = frameName(location.host, https, data.appSid)
  const frame = document.createElement('iframe')
  frame.id = 'app-frame'
  frame.name = name
  frame.title = 'Application'
  frame.setAttribute('allow', 'clipboard-read; clipboard-write')
  container.replaceChildren(frame)
  iframe = frame

  const action = new URL(data.handler ?? config.appUrl)
  appOrigin = action.origin
  action.searchParams.set('DOMAIN', location.host)
  action.searchParams.set('PROTOCOL', https ? '1' : '0')
  action.searchParams.set('LANG', data.lang)
  action.searchParams.set('APP_SID', data.appSid)
  const form = document.createElement('form')
  form.method = 'post'
  form.action = action.toString()
  form.target = name
  form.hidden = true
  addField(form, 'AUTH_ID', data.authId)
  addField(form, 'AUTH_EXPIRES', String(data.authExpires))
  addField(form, 'REFRESH_ID', data.refreshId)
  addField(form, 'SERVER_ENDPOINT', `${location.protocol}//${location.host}/rest/`)
  addField(form, 'member_id', data.memberId)
  addField(form, 'status', data.status)
  addField(form, 'PLACEMENT', data.placement)
  addField(form, 'PLACEMENT_OPTIONS', JSON.stringify(data.placementOptions))
  addField(form, 'APPLICATION_TOKEN', data.applicationToken)
  addField(form, 'APPLICATION_SCOPE', data.scope)
  document.body.append(form)
  form.submit()
  form.remove()
  logFrame('(launch)', {
    note: `${data.placement}${data.install ? ' install' : ''} as user ${data.user.id}, APP_SID ${data.appSid}`,
  })
}

/** The messenger's item of the app: there once the app is installed and bound IM_NAVIGATION. */
function showNavigationItem(navigation: LaunchData['navigation']): void {
  navigationItem.hidden = navigation === null
  const label = navigationItem.querySelector('span') as HTMLElement
  label.textContent = navigation?.title ?? ''
  navigationItem.title = navigation ? `${navigation.title} (IM_NAVIGATION)` : ''
}

function relaunch(reason: string): void {
  logFrame('(relaunch)', { note: reason })
  launch().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    logFrame('(launch)', { error: message })
    const notice = document.createElement('p')
    notice.id = 'launch-error'
    notice.textContent = message
    container.replaceChildren(notice)
    iframe = null
  })
}

// ---------------------------------------------------------------- frame protocol

function reply(callback: string, result?: unknown): void {
  iframe?.contentWindow?.postMessage(formatFrameReply(callback, result), appOrigin)
}

function initData(data: LaunchData): InitData {
  return {
    DOMAIN: location.host,
    PROTOCOL: location.protocol === 'https:' ? 1 : 0,
    LANG: data.lang,
    PATH: data.path,
    AUTH_ID: data.authId,
    AUTH_EXPIRES: data.authExpires,
    REFRESH_ID: data.refreshId,
    MEMBER_ID: data.memberId,
    IS_ADMIN: data.isAdmin,
    INSTALL: data.install,
    FIRST_RUN: data.firstRun,
    PLACEMENT: data.placement,
    PLACEMENT_OPTIONS: { ...data.placementOptions },
    USER_OPTIONS: { ...data.userOptions },
    APP_OPTIONS: { ...data.appOptions },
  }
}

function optionParams(params: unknown): { name: string; value: unknown } | null {
  if (params === null || typeof params !== 'object') return null
  const { name, value } = params as { name?: unknown; value?: unknown }
  return typeof name === 'string' && name !== '' ? { name, value } : null
}

async function handleCommand(command: string, params: unknown, callback: string): Promise<void> {
  const data = launchData
  if (!data) return
  switch (command) {
    case 'getInitData':
      reply(callback, initData(data))
      // FIRST_RUN is said once; asking again in the same launch says false.
      data.firstRun = false
      return
    case 'refreshAuth': {
      const fresh = await postJson<{ AUTH_ID: string; REFRESH_ID: string; AUTH_EXPIRES: number }>(
        '/portal-api/refresh',
        { refreshId: data.refreshId },
      )
      data.authId = fresh.AUTH_ID
      data.refreshId = fresh.REFRESH_ID
      data.authExpires = fresh.AUTH_EXPIRES
      reply(callback, fresh)
      return
    }
    case 'setInstall':
      reply(callback)
      return
    case 'setInstallFinish': {
      // No answer: the portal records the install and reloads the page, which opens the app
      // in normal mode (b24restdocs sdk/bx24-js-sdk/system-functions/bx24-install-finish.md).
      await postJson('/portal-api/install-finish', {})
      const url = new URL(location.href)
      url.searchParams.set('install', 'N')
      location.assign(url.toString())
      return
    }
    case 'resizeWindow': {
      const size = resizeToCss(params)
      if (placement === 'IM_NAVIGATION') {
        logFrame('resizeWindow', { note: 'ignored: IM_NAVIGATION fills the working area' })
      } else if (iframe) {
        if (size.width) iframe.style.width = size.width
        if (size.height) iframe.style.height = size.height
      }
      reply(callback)
      return
    }
    case 'setTitle': {
      const title =
        params !== null && typeof params === 'object'
          ? (params as { title?: unknown }).title
          : undefined
      titleElement.textContent = String(title ?? '')
      reply(callback)
      return
    }
    case 'setScroll': {
      const scroll = Number((params as { scroll?: unknown } | undefined)?.scroll ?? 0)
      if (Number.isFinite(scroll)) window.scrollTo(0, scroll)
      reply(callback)
      return
    }
    case 'imOpenMessenger':
    case 'imOpenHistory': {
      const dialogId = (params as { dialogId?: unknown } | undefined)?.dialogId
      const text = dialogId === undefined ? '(messenger)' : String(dialogId)
      openedDialog.dataset.dialogId = dialogId === undefined ? '' : text
      openedDialog.dataset.command = command
      openedDialog.textContent = `${command === 'imOpenHistory' ? 'Would open history of' : 'Would open dialog'}: ${text}`
      // Fire-and-forget on a portal: no answer, the SDK resolves on its own timer.
      return
    }
    case 'setAppOption':
    case 'setUserOption': {
      const option = optionParams(params)
      if (!option) {
        logFrame(command, { error: 'params must be {name, value}' })
        return
      }
      const scope = command === 'setAppOption' ? 'app' : 'user'
      // Answered at once; a user option shows in getInitData only once the portal has stored
      // it, a few seconds later (the server decides when).
      reply(callback)
      await postJson('/portal-api/options', { user: config.userId, scope, ...option })
      if (scope === 'app') data.appOptions[option.name] = option.value
      return
    }
    case 'reloadWindow':
      relaunch('reloadWindow')
      return
    case 'imCallTo':
    case 'imPhoneTo':
      // Fire-and-forget; there is no telephony here.
      return
    case 'closeApplication':
      // Closes a slider; outside one (this page has none) a portal does nothing and never
      // answers — the SDK sends it without a timer, so an awaiting app would wait forever.
      return
    default:
      // Known but not simulated (sliders, selectors, placement interface): answer empty.
      reply(callback)
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!iframe || event.source !== iframe.contentWindow) return
  if (event.origin !== appOrigin) {
    logFrame('(rejected)', { error: 'wrong origin', note: event.origin })
    return
  }
  const data = launchData
  if (!data) return
  const parsed = parseFrameMessage(event.data, data.appSid)
  if (!parsed.ok) {
    logFrame('(rejected)', {
      error: parsed.reason,
      ...(parsed.detail ? { note: parsed.detail } : {}),
    })
    return
  }
  if (parsed.paramsError) {
    logFrame(parsed.command, { error: 'bad params JSON', note: parsed.rawParams.slice(0, 200) })
    return
  }
  if (!isFrameCommand(parsed.command)) {
    logFrame(parsed.command, { error: 'unknown command', params: parsed.params })
    return
  }
  logFrame(parsed.command, { params: parsed.params })
  handleCommand(parsed.command, parsed.params, parsed.callback).catch((error: unknown) =>
    logFrame(parsed.command, { error: error instanceof Error ? error.message : String(error) }),
  )
})

// ---------------------------------------------------------------- controls

function onSelect(id: string, key: string): void {
  const select = document.getElementById(id) as HTMLSelectElement | null
  select?.addEventListener('change', () => {
    // A different language / placement / user is a different page load on a portal.
    const url = new URL(location.href)
    url.searchParams.set(key, select.value)
    location.assign(url.toString())
  })
}

onSelect('lang-select', 'lang')
onSelect('placement-select', 'placement')
onSelect('install-select', 'install')
onSelect('user-select', 'user')
document
  .getElementById('reload-app')
  ?.addEventListener('click', () => relaunch('Reload app button'))
navigationItem.addEventListener('click', () => {
  // Opening the item is opening the messenger page with the app in it.
  if (placement === 'IM_NAVIGATION') return relaunch('IM_NAVIGATION item')
  const url = new URL(location.href)
  url.searchParams.set('placement', 'IM_NAVIGATION')
  location.assign(url.toString())
})
document.getElementById('clear-log')?.addEventListener('click', () => logList.replaceChildren())

document.body.dataset.placement = placement
placement = config.placement

declare global {
  interface Window {
    __portal?: {
      frameLog: LogEntry[]
      relaunch(): void
      readonly appSid: string | undefined
    }
  }
}

window.__portal = {
  frameLog,
  relaunch: () => relaunch('window.__portal.relaunch()'),
  get appSid() {
    return launchData?.appSid
  },
}

connectEvents()
relaunch('page load')
