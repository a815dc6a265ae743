/**
 * The portal side of the frame message protocol (docs/bitrix24-facts.md, "The frame message protocol"; SDK
 * frame/message/controller.mjs). Pure functions, bundled into the portal page and unit-tested
 * in Node.
 *
 * App → portal: `COMMAND:PARAMS:CALLBACK:APP_SID`. PARAMS is a JSON string and is *omitted*
 * (not left empty) when there are none, and may itself contain `:`, so CALLBACK and APP_SID
 * are taken from the end and PARAMS is whatever lies between the first `:` and them.
 * Portal → app: `CALLBACK:` + JSON.stringify(result) (empty after the `:` when there is no
 * result — the SDK then resolves with an empty string).
 */

export const FRAME_COMMANDS = [
  'getInitData',
  'setInstall',
  'setInstallFinish',
  'refreshAuth',
  'setAppOption',
  'setUserOption',
  'resizeWindow',
  'reloadWindow',
  'setTitle',
  'setScroll',
  'openApplication',
  'closeApplication',
  'openPath',
  'imCallTo',
  'imPhoneTo',
  'imOpenMessenger',
  'imOpenHistory',
  'selectUser',
  'selectAccess',
  'selectCRM',
  'showAppForm',
  'getInterface',
  'placementBindEvent',
] as const

export type FrameCommand = (typeof FRAME_COMMANDS)[number]

export function isFrameCommand(command: string): command is FrameCommand {
  return (FRAME_COMMANDS as readonly string[]).includes(command)
}

export type ParsedFrameMessage =
  | {
      ok: true
      command: string
      /** Parsed PARAMS; undefined when omitted or not JSON (see `paramsError`). */
      params: unknown
      /** PARAMS as sent, '' when omitted. */
      rawParams: string
      /** Set when PARAMS was present but not valid JSON (raw values, hostile input). */
      paramsError?: string
      callback: string
      appSid: string
    }
  | { ok: false; reason: 'not-a-string' | 'malformed' | 'wrong-app-sid'; detail?: string }

/** Parses one message; `expectedAppSid` rejects messages from another launch. */
export function parseFrameMessage(data: unknown, expectedAppSid: string): ParsedFrameMessage {
  if (typeof data !== 'string') return { ok: false, reason: 'not-a-string' }
  const first = data.indexOf(':')
  const last = data.lastIndexOf(':')
  if (first <= 0 || last === first)
    return { ok: false, reason: 'malformed', detail: data.slice(0, 100) }
  const beforeLast = data.lastIndexOf(':', last - 1)
  const command = data.slice(0, first)
  const appSid = data.slice(last + 1)
  const callback = data.slice(beforeLast + 1, last)
  const rawParams = beforeLast > first ? data.slice(first + 1, beforeLast) : ''
  if (callback === '' || appSid === '' || !/^[A-Za-z_][\w.-]*$/.test(command)) {
    return { ok: false, reason: 'malformed', detail: data.slice(0, 100) }
  }
  if (appSid !== expectedAppSid)
    return { ok: false, reason: 'wrong-app-sid', detail: appSid.slice(0, 64) }
  if (rawParams === '') return { ok: true, command, params: undefined, rawParams, callback, appSid }
  try {
    return {
      ok: true,
      command,
      params: JSON.parse(rawParams) as unknown,
      rawParams,
      callback,
      appSid,
    }
  } catch (error) {
    return {
      ok: true,
      command,
      params: undefined,
      rawParams,
      paramsError: error instanceof Error ? error.message : String(error),
      callback,
      appSid,
    }
  }
}

/** The reply the SDK expects: `CALLBACK:` + JSON (nothing after `:` when there is no result). */
export function formatFrameReply(callback: string, result?: unknown): string {
  return `${callback}:${result === undefined ? '' : JSON.stringify(result)}`
}

/** The iframe's `name`: `DOMAIN|PROTOCOL|APP_SID` (the SDK reads it from window.name). */
export function frameName(host: string, https: boolean, appSid: string): string {
  return `${host}|${https ? 1 : 0}|${appSid}`
}

/** The data getInitData answers with (docs/bitrix24-facts.md, "The frame message protocol"). */
export interface InitData {
  DOMAIN: string
  PROTOCOL: 0 | 1
  LANG: string
  PATH: string
  AUTH_ID: string
  AUTH_EXPIRES: number
  REFRESH_ID: string
  MEMBER_ID: string
  IS_ADMIN: boolean
  INSTALL: boolean
  FIRST_RUN: boolean
  PLACEMENT: string
  PLACEMENT_OPTIONS: Record<string, unknown>
  /** Always an object: the SDK's options.userSet writes into it and crashes on null. */
  USER_OPTIONS: Record<string, unknown>
  APP_OPTIONS: Record<string, unknown>
}

/**
 * `resizeWindow` params → CSS sizes. Width may be a number or "100%"; junk gives undefined
 * (the portal ignores it rather than breaking its layout).
 */
export function resizeToCss(params: unknown): { width?: string; height?: string } {
  if (params === null || typeof params !== 'object') return {}
  const { width, height } = params as { width?: unknown; height?: unknown }
  const size = (value: unknown, max: number): string | undefined => {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0)
      return `${Math.min(Math.round(value), max)}px`
    if (typeof value === 'string') {
      const trimmed = value.trim()
      if (/^\d{1,3}(\.\d+)?%$/.test(trimmed)) return trimmed
      if (/^\d+(\.\d+)?(px)?$/.test(trimmed) && Number.parseFloat(trimmed) > 0) {
        return `${Math.min(Math.round(Number.parseFloat(trimmed)), max)}px`
      }
    }
    return undefined
  }
  const out: { width?: string; height?: string } = {}
  const w = size(width, 10_000)
  const h = size(height, 100_000)
  if (w) out.width = w
  if (h) out.height = h
  return out
}

export const UI_LANGUAGES = [
  'ru',
  'en',
  'de',
  'la',
  'br',
  'fr',
  'it',
  'pl',
  'ua',
  'tr',
  'kz',
  'sc',
  'tc',
  'ja',
  'vn',
  'id',
  'ms',
  'th',
  'ar',
  'in',
] as const

export const PLACEMENTS = ['DEFAULT', 'IM_NAVIGATION', 'IM_CONTEXT_MENU'] as const
