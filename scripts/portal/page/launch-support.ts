import type { InitData } from '../frame-protocol.ts'
import type { LaunchData } from '../portal-api.ts'

/**
 * What every app frame on the portal page shares — the main area's and a slider's: the page's
 * calls to its own back-end, and the getInitData answer built from a launch.
 */

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const data = (await response.json()) as T & { error?: string }
  if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`)
  return data
}

/** The getInitData answer of a launch (docs/bitrix24-facts.md, "The frame message protocol"). */
export function initData(data: LaunchData): InitData {
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

/** refreshAuth: new tokens for the launch, kept in it for the next refresh. */
export async function refreshLaunch(data: LaunchData) {
  const fresh = await postJson<{ AUTH_ID: string; REFRESH_ID: string; AUTH_EXPIRES: number }>(
    '/portal-api/refresh',
    { refreshId: data.refreshId },
  )
  data.authId = fresh.AUTH_ID
  data.refreshId = fresh.REFRESH_ID
  data.authExpires = fresh.AUTH_EXPIRES
  return fresh
}

/**
 * Loads the app into the frame named `target` as a portal does (docs/bitrix24-facts.md, "How the portal opens the app"): a form POST to
 * the handler (the bound one, else the app's URL) with DOMAIN, PROTOCOL, LANG, APP_SID in the query
 * and the tokens and placement in the body. Returns the origin the app's messages must come from.
 */
export function postLaunch(data: LaunchData, target: string, appUrl: string): string {
  const https = location.protocol === 'https:'
  const action = new URL(data.handler ?? appUrl)
  action.searchParams.set('DOMAIN', location.host)
  action.searchParams.set('PROTOCOL', https ? '1' : '0')
  action.searchParams.set('LANG', data.lang)
  action.searchParams.set('APP_SID', data.appSid)
  const form = document.createElement('form')
  form.method = 'post'
  form.action = action.toString()
  form.target = target
  form.hidden = true
  const fields: Record<string, string> = {
    AUTH_ID: data.authId,
    AUTH_EXPIRES: String(data.authExpires),
    REFRESH_ID: data.refreshId,
    SERVER_ENDPOINT: `${location.protocol}//${location.host}/rest/`,
    member_id: data.memberId,
    status: data.status,
    PLACEMENT: data.placement,
    PLACEMENT_OPTIONS: JSON.stringify(data.placementOptions),
    APPLICATION_TOKEN: data.applicationToken,
    APPLICATION_SCOPE: data.scope,
  }
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input')
    input.type = 'hidden'
    input.name = name
    input.value = value
    form.append(input)
  }
  document.body.append(form)
  form.submit()
  form.remove()
  return action.origin
}
