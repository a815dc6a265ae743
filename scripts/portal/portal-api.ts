import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenStore } from './auth.ts'
import type { RequestLog } from './log.ts'
import type { Clock } from './clock.ts'
import type { PortalStore } from './data/store.ts'
import { PORTAL_USERS, fullName, portalUser } from './data/users.ts'
import { PLACEMENTS, UI_LANGUAGES } from './frame-protocol.ts'
import { parseJsonObject, readBody, sendJson } from './http-util.ts'
import { chatView, contextMenuBinding, contextMenuOptions } from './chat-api.ts'
import { deliver } from './data/arrival.ts'

/**
 * What the portal page asks its own server for (`/portal-api/…`): launch tokens, token
 * refresh for the frame's refreshAuth, option storage, the install flag, a message arriving in
 * the open chat, and the REST log as server-sent events. The page is the portal's UI; these are
 * its back-end.
 */

export interface PortalApiDeps {
  store: PortalStore
  tokens: TokenStore
  log: RequestLog
  memberId: string
  applicationToken: string
  clock: Clock
  /** How long a setUserOption write takes to show in getInitData (control API knob). */
  userOptionDelayMs(): number
}

/** PLACEMENT_OPTIONS per placement (a JSON string in the launch form, an object in getInitData). */
export function placementOptions(placement: string): Record<string, unknown> {
  return placement === 'IM_NAVIGATION' ? { URI: '/online/' } : {}
}

export interface LaunchData {
  appSid: string
  authId: string
  refreshId: string
  authExpires: number
  memberId: string
  applicationToken: string
  scope: string
  status: string
  path: string
  lang: string
  placement: string
  placementOptions: Record<string, unknown>
  install: boolean
  firstRun: boolean
  /** The URL the app is opened at: the bound handler for a placement, else the app's URL. */
  handler?: string
  /** The messenger navigation item, once the app is installed and has bound one. */
  navigation: { title: string; handler: string } | null
  isAdmin: boolean
  user: { id: number; name: string }
  userOptions: Record<string, unknown>
  appOptions: Record<string, unknown>
}

class ApiError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

function launch(body: Record<string, unknown>, deps: PortalApiDeps): LaunchData {
  const userId = Number(body.user ?? 1)
  const user = portalUser(userId)
  if (!user) throw new ApiError(400, `unknown user ${String(body.user)}`)
  const placement = String(body.placement ?? 'DEFAULT').toUpperCase()
  if (!(PLACEMENTS as readonly string[]).includes(placement))
    throw new ApiError(400, `unknown placement ${placement}`)
  const lang = String(body.lang ?? 'en')
  if (!(UI_LANGUAGES as readonly string[]).includes(lang))
    throw new ApiError(400, `unknown language ${lang}`)
  // Install mode comes from the page's choice (?install=Y), so a developer can open either
  // page at will; setInstallFinish records the app as installed and the page relaunches it
  // in normal mode, as a portal does.
  const install = body.install === true || body.install === 'Y'
  if (install) deps.store.installed = false
  const binding = deps.store.installed
    ? deps.store.placements.find((candidate) => candidate.placement === 'IM_NAVIGATION')
    : undefined
  // A placement item shows only once the app is installed and bound it (docs/bitrix24-facts.md, "Placements and install"), and
  // opens the handler given to placement.bind.
  if (!install && placement === 'IM_NAVIGATION' && !binding) {
    throw new ApiError(
      409,
      'The messenger has no item of this app: it is not installed, or it bound no IM_NAVIGATION handler',
    )
  }
  // A message-menu item opens its bound handler with the message as PLACEMENT_OPTIONS.
  const menuBinding = placement === 'IM_CONTEXT_MENU' ? contextMenuBinding(deps.store) : null
  const menuOptions =
    placement === 'IM_CONTEXT_MENU' ? contextMenuOptions(body.placementOptions) : null
  if (placement === 'IM_CONTEXT_MENU' && !install && (!menuBinding || !menuOptions)) {
    throw new ApiError(
      409,
      'No message-menu item of this app: it is not installed, it bound no IM_CONTEXT_MENU handler, or no message was chosen',
    )
  }
  // FIRST_RUN: the first time this user opens the installed app (b24restdocs
  // sdk/bx24-js-sdk/system-functions/bx24-install.md); every later launch says false.
  const state = deps.store.user(user.id)
  const firstRun = !install && deps.store.installed && !state.hasRun
  if (firstRun) state.hasRun = true
  const pair = deps.tokens.issue(user.id)
  return {
    appSid: randomBytes(16).toString('hex'),
    authId: pair.accessToken,
    refreshId: pair.refreshToken,
    authExpires: pair.expiresIn,
    memberId: deps.memberId,
    applicationToken: deps.applicationToken,
    scope: 'im,placement',
    status: 'L',
    path: '/marketplace/app/1/',
    lang,
    placement,
    placementOptions: menuOptions ?? placementOptions(placement),
    install,
    firstRun,
    ...(!install && placement === 'IM_NAVIGATION' && binding ? { handler: binding.handler } : {}),
    ...(!install && menuBinding ? { handler: menuBinding.handler } : {}),
    navigation: binding ? { title: binding.title, handler: binding.handler } : null,
    isAdmin: user.isAdmin,
    user: { id: user.id, name: fullName(user) },
    userOptions: { ...deps.store.userOptions(user.id, deps.clock()) },
    appOptions: { ...deps.store.appOptions },
  }
}

function events(req: IncomingMessage, res: ServerResponse, deps: PortalApiDeps): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  res.write('retry: 2000\n\n')
  // Backlog oldest first, so the page can prepend each entry and end up newest-first.
  for (const entry of deps.log.entries().reverse()) res.write(`data: ${JSON.stringify(entry)}\n\n`)
  const unsubscribe = deps.log.subscribe((entry) => res.write(`data: ${JSON.stringify(entry)}\n\n`))
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000)
  req.on('close', () => {
    clearInterval(keepAlive)
    unsubscribe()
  })
}

export async function handlePortalApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: PortalApiDeps,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`
  if (route === 'GET /portal-api/events') return events(req, res, deps)
  if (route === 'GET /portal-api/log') return sendJson(res, 200, { entries: deps.log.entries() })
  if (route === 'GET /portal-api/chat') {
    const user = portalUser(Number(url.searchParams.get('user') ?? 1))
    const view =
      user &&
      chatView(
        deps.store,
        user.id,
        url.searchParams.get('dialog') ?? '',
        url.searchParams.get('lang') ?? 'en',
      )
    return view ? sendJson(res, 200, view) : sendJson(res, 404, { error: 'no such dialog' })
  }
  if (route === 'GET /portal-api/users') {
    return sendJson(
      res,
      200,
      PORTAL_USERS.map((user) => ({ id: user.id, name: fullName(user), isAdmin: user.isAdmin })),
    )
  }
  try {
    if (req.method !== 'POST') throw new ApiError(404, `unknown route ${route}`)
    const body = parseJsonObject(await readBody(req))
    switch (url.pathname) {
      case '/portal-api/launch':
        return sendJson(res, 200, launch(body, deps))
      case '/portal-api/refresh': {
        const pair = deps.tokens.refresh(body.refreshId)
        if (!pair) throw new ApiError(401, 'refresh token is not valid')
        return sendJson(res, 200, {
          AUTH_ID: pair.accessToken,
          REFRESH_ID: pair.refreshToken,
          AUTH_EXPIRES: pair.expiresIn,
        })
      }
      case '/portal-api/options': {
        const user = portalUser(Number(body.user))
        if (!user) throw new ApiError(400, 'unknown user')
        if (typeof body.name !== 'string' || body.name === '')
          throw new ApiError(400, 'option name must be a string')
        if (body.scope === 'app') deps.store.appOptions[body.name] = body.value ?? null
        else {
          // A user option is written in the background: later launches see it only after a
          // few seconds.
          const delay = deps.userOptionDelayMs()
          deps.store.setUserOption(user.id, body.name, body.value ?? null, deps.clock(), delay)
        }
        return sendJson(res, 200, { ok: true })
      }
      case '/portal-api/message': {
        // The chat view's "New message from …": the dialog's default author writes (arrival.ts).
        const user = portalUser(Number(body.user))
        if (!user) throw new ApiError(400, 'unknown user')
        if (typeof body.dialog !== 'string' && typeof body.dialog !== 'number')
          throw new ApiError(400, 'dialog must be a dialog id')
        const message = deliver(deps.store, user.id, body.dialog, {}, deps.clock())
        if (!message) throw new ApiError(404, 'no such dialog with messages')
        return sendJson(res, 200, { ok: true, message })
      }
      case '/portal-api/install-finish':
        deps.store.installed = true
        // Logged here, not only by the page: the page reloads right after, and its log comes
        // back from the server's backlog.
        deps.log.add({ source: 'frame', method: 'setInstallFinish', note: 'app installed' })
        return sendJson(res, 200, { ok: true })
      default:
        throw new ApiError(404, `unknown route ${route}`)
    }
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 400
    return sendJson(res, status, { error: error instanceof Error ? error.message : String(error) })
  }
}
