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
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
