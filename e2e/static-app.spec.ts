import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { packageApp } from '../scripts/packaging/package-app.ts'
import { createPortal, type Portal } from '../scripts/portal/server.ts'
import { hostStaticApp, type StaticAppHost } from '../scripts/portal/static-apps.ts'
import { control, expect, firstReadDialog, launch, test } from './support/fixtures.ts'

// The packaged static app (npm run package), installed in a local portal the way Bitrix24 cloud
// installs an uploaded archive: unpacked under a sub-path of another origin, install.html for
// setup, index.html as the app. Its own portal and host, two ports above the suite's.
const PORTAL_PORT = Number(process.env.E2E_PORT ?? 4612) + 2
const portalUrl = `http://127.0.0.1:${PORTAL_PORT}/`

let workDir: string
let host: StaticAppHost
let portal: Portal
let target: { portalUrl: string; appUrl: string }

test.beforeAll(async () => {
  test.setTimeout(180_000)
  workDir = mkdtempSync(join(tmpdir(), 'unread-static-e2e-'))
  const archive = join(workDir, 'unread-marks.zip')
  const portalOrigin = portalUrl.slice(0, -1)
  await packageApp({
    outFile: archive,
    origins: {
      portalOrigins: [portalOrigin],
      cdnOrigins: ['https://cdn.com.bitrix24.com'],
      frameAncestors: [portalOrigin],
    },
  })
  host = await hostStaticApp({ archive, port: PORTAL_PORT + 1 })
  portal = createPortal({
    port: PORTAL_PORT,
    test: true,
    appUrl: host.indexUrl,
    installUrl: host.installUrl,
  })
  await portal.listen()
  target = { portalUrl, appUrl: host.indexUrl }
})

test.afterAll(async () => {
  await portal?.close()
  await host?.close()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

/** Every answer 404, and every request to the app's origin that failed, while the test runs. */
function watchMissing(page: Page): string[] {
  const missing: string[] = []
  const appOrigin = new URL(host.indexUrl).origin
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(`404 ${response.url()}`)
  })
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(appOrigin)) missing.push(`failed ${request.url()}`)
  })
  return missing
}

let missing: string[]
test.beforeEach(async ({ page }) => {
  await control.reset(portalUrl)
  missing = watchMissing(page)
})
test.afterEach(() => {
  expect(missing, 'requests for files that are not there').toEqual([])
  expect(host.misses).toEqual([])
})

test('boots from index.html under its sub-path, with the server’s dialogs', async ({ page }) => {
  const app = await launch(page, { target })
  const first = (await control.truth(portalUrl)).dialogs[0]!
  await expect(app.row(first.id)).toContainText(first.title)
  const frameUrl = new URL(page.frame({ url: /\/index\.html/ })!.url())
  expect(frameUrl.origin).not.toBe(new URL(portalUrl).origin)
  expect(frameUrl.pathname).toMatch(/^\/local-apps\/[^/]+\/index\.html$/)
})

test('a toggle reaches the portal', async ({ page }) => {
  const dialog = await firstReadDialog(portalUrl)
  const app = await launch(page, { target })
  const row = await app.reveal(dialog.id)
  await row.getByRole('button', { name: `Mark as unread: ${dialog.title}` }).click()
  await expect
    .poll(
      async () => (await control.truth(portalUrl)).dialogs.find((d) => d.id === dialog.id)?.unread,
    )
    .toBe(true)
  await expect(row).toHaveAttribute('data-unread', 'true')
})

test('install.html binds the index.html beside it, then the portal opens the app', async ({
  page,
}) => {
  const app = await launch(page, { target, install: true })
  await expect(app.frame.getByRole('heading', { level: 1 })).toHaveText('Install Unread marks')
  expect(page.frame({ url: /\/install\.html/ })).not.toBeNull()

  await app.frame.getByRole('button', { name: 'Install', exact: true }).click()

  await expect.poll(async () => (await control.truth(portalUrl)).installed).toBe(true)
  const placements = (await control.truth(portalUrl)).placements as { handler: string }[]
  // Every placement the install binds opens the app's page, never the wizard.
  expect(new Set(placements.map((binding) => binding.handler))).toEqual(new Set([host.indexUrl]))
  await expect(app.frame.getByRole('heading', { name: 'Recent chats' })).toBeVisible()
  expect(page.frame({ url: /\/index\.html/ })).not.toBeNull()
})
