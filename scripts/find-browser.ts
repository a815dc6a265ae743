import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * The Chromium to drive: Playwright's own when it is installed, else the system one.
 * `undefined` means "let Playwright use its own".
 */
export function findChromium(): { executablePath: string | undefined } | null {
  if (existsSync(chromium.executablePath())) return { executablePath: undefined }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM }
  return null
}

/**
 * Flags for a sandboxed, offline machine: as root Chromium needs --no-sandbox, and without the
 * background-networking flags it keeps dialling Google hosts that this network refuses.
 * Every name but the local ones fails at once: the portal's data links avatars to the cloud's CDN,
 * which this machine cannot reach, and Chromium's own resolver took 20–36 s to give up on each
 * lookup there. Over a long run the avatars' requests piled up until Chromium refused new
 * requests with ERR_INSUFFICIENT_RESOURCES, the app's REST calls among them.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]
