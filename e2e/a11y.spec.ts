import type { Frame, Page } from '@playwright/test'
import { APP_URL } from '../playwright.config.ts'
import { audit } from './support/axe.ts'
import { control, expect, launch, test } from './support/fixtures.ts'

async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#app-frame').elementHandle()
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error('the portal page has no app frame')
  return frame
}

type Scheme = 'light' | 'dark'

async function expectScheme(frame: Frame, scheme: Scheme) {
  const dark = await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
  expect(dark, 'the app sees the emulated color scheme').toBe(scheme === 'dark')
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    })

    test(`the list has no axe violations (${scheme})`, async ({ page }) => {
      const app = await launch(page)
      await expect(app.rows.first()).toBeVisible()
      const frame = await appFrame(page)
      await expectScheme(frame, scheme)
      expect(await audit(frame)).toEqual([])
    })

    test(`the empty list has no axe violations (${scheme})`, async ({ page, portalUrl }) => {
      await control.setData(portalUrl, { count: 0 })
      const app = await launch(page)
      await expect(app.frame.getByText(/no chats/i).first()).toBeVisible()
      expect(await audit(await appFrame(page))).toEqual([])
    })

    test(`the list's load failure has no axe violations (${scheme})`, async ({
      page,
      portalUrl,
    }) => {
      await control.injectFault(portalUrl, {
        method: 'im.recent.list',
        kind: 'http',
        status: 500,
        error: 'INTERNAL_SERVER_ERROR',
        times: -1,
      })
      const app = await launch(page)
      await expect(app.frame.getByRole('alert').first()).toBeVisible({ timeout: 20_000 })
      expect(await audit(await appFrame(page))).toEqual([])
    })

    test(`the outside-Bitrix24 screen has no axe violations (${scheme})`, async ({ page }) => {
      await page.goto(APP_URL)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectScheme(page.mainFrame(), scheme)
      expect(await audit(page.mainFrame())).toEqual([])
    })

    test(`the install screen has no axe violations: a non-administrator's, and an administrator's after a failed step (${scheme})`, async ({
      page,
      portalUrl,
    }) => {
      await control.setInstalled(portalUrl, false)
      // User 2 is not an administrator: the screen says who can install, with no button.
      const guest = await launch(page, { install: true, user: 2 })
      await expect(guest.frame.getByRole('note')).toHaveText(/Only a Bitrix24 administrator/, {
        timeout: 15_000,
      })
      expect(await audit(await appFrame(page))).toEqual([])

      // The check step fails (a 500 past the SDK's retries): the screen names the failed step.
      await control.injectFault(portalUrl, {
        method: 'placement.get',
        kind: 'http',
        status: 500,
        error: 'INTERNAL_SERVER_ERROR',
        description: 'Internal server error',
        times: 4,
      })
      const admin = await launch(page, { install: true })
      await admin.frame.getByRole('button', { name: 'Install', exact: true }).click()
      await expect(admin.frame.getByRole('alert')).toContainText('Installation failed')
      expect(await audit(await appFrame(page))).toEqual([])
    })
  })
}
