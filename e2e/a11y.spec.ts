import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame, Page } from '@playwright/test'
import { APP_URL } from '../playwright.config.ts'
import { control, expect, launch, test } from './support/fixtures.ts'

/*
 * axe-core (the engine of @axe-core/playwright) run inside the app's own document. AxeBuilder
 * analyses the top page and reaches into cross-origin frames only through its frame messenger,
 * which also audits the portal page around the app; injecting axe into the app's frame and
 * running it there audits exactly the app. All of axe's rules run (WCAG 2.0–2.2 A/AA and best
 * practices), and the test wants zero violations.
 */
const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

async function audit(frame: Frame): Promise<Violation[]> {
  await frame.evaluate(AXE_SOURCE)
  return frame.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[]; failureSummary?: string }[]
      }[]
    }
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }))
  })
}

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
