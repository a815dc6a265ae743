import { test as base, expect, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { PORTAL_URL } from '../../playwright.config.ts'
import * as control from './portal.ts'

export interface LaunchOptions {
  lang?: string
  placement?: 'DEFAULT' | 'IM_NAVIGATION'
  install?: boolean
  user?: number
}

export interface AppHandle {
  frame: FrameLocator
  /** The row of one dialog, by DIALOG_ID as sent to the server. */
  row(dialogId: string | number): Locator
  rows: Locator
}

/** Opens the local portal, which launches the app in its iframe with a form POST. */
export async function launch(page: Page, options: LaunchOptions = {}): Promise<AppHandle> {
  const query = new URLSearchParams({
    lang: options.lang ?? 'en',
    placement: options.placement ?? 'DEFAULT',
    install: options.install ? 'Y' : 'N',
    user: String(options.user ?? 1),
  })
  await page.goto(`/?${query.toString()}`)
  const frame = page.frameLocator('#app-frame')
  return {
    frame,
    row: (dialogId) => frame.locator(`[data-dialog-id="${String(dialogId)}"]`),
    rows: frame.locator('[data-dialog-id]'),
  }
}

/** Every test starts from the portal's default data, no faults, no latency, zeroed counters. */
export const test = base.extend<{ portalUrl: string }>({
  portalUrl: [
    async ({ page }, use) => {
      await control.reset(PORTAL_URL)
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await use(PORTAL_URL)
      expect(errors, 'uncaught exceptions in the portal or the app').toEqual([])
    },
    { auto: true },
  ],
})

export { expect, control }
