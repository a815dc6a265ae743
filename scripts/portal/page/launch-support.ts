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

/** The getInitData answer of a launch (PROTOCOL.md §2). */
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
