import { APP_URL } from '../playwright.config.ts'
import { control, expect, firstReadDialog, launch, test, waitingLines } from './support/fixtures.ts'

test('boots inside the portal in the portal’s language and placement', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page, { lang: 'ru', placement: 'IM_NAVIGATION' })
  await expect(app.frame.getByRole('heading', { name: 'Недавние чаты' })).toBeVisible()
  await expect(app.frame.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(app.frame.locator('.app')).toHaveAttribute('data-placement', 'IM_NAVIGATION')
  // The portal saw the handshake over postMessage.
  await expect(page.locator('#request-log')).toContainText('getInitData')
  expect(portalUrl).toBeTruthy()
})

test('a REST round trip shows the portal’s dialogs', async ({ page, portalUrl }) => {
  const app = await launch(page)
  const truth = await control.truth(portalUrl)
  const first = truth.dialogs[0]!
  await expect(app.row(first.id)).toContainText(first.title)
  // The open-line sessions waiting in a queue first, once, then the dialogs; colleague
  // placeholders are no dialogs to mark.
  const expected = [
    ...waitingLines(truth.queued),
    ...truth.dialogs.filter((d) => !d.placeholder),
  ].map((d) => String(d.id))
  expect((await app.allRows()).map(([id]) => id)).toEqual(expected)
  await expect(page.locator('#request-log')).toContainText('im.recent.list')
})

test('an expired token is refreshed through the frame without the user noticing', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const target = await firstReadDialog(portalUrl)
  await app.reveal(target.id)
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'false')

  await control.setAuth(portalUrl, { expireNow: true })
  await app
    .row(target.id)
    .getByRole('button', { name: /^Mark as unread/ })
    .click()

  await expect(app.row(target.id)).not.toHaveAttribute('data-pending', 'true')
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
  await expect(app.frame.getByRole('alert')).toHaveCount(0)
  await expect(page.locator('#request-log')).toContainText('refreshAuth')
  await expect
    .poll(
      async () => (await control.truth(portalUrl)).dialogs.find((d) => d.id === target.id)?.unread,
    )
    .toBe(true)
})

test('the rate limit is hit and survived', async ({ page, portalUrl }) => {
  const app = await launch(page)
  const targets = (await control.truth(portalUrl)).dialogs
    .filter((d) => !d.unread && d.counter === 0 && !d.placeholder)
    .slice(0, 6)
  await expect(app.rows.first()).toBeVisible()

  // A tight bucket (2, draining 1 a second): the six clicks below overflow it.
  await control.setRateLimit(portalUrl, { burst: 2, drain: 1 })
  await control.resetRequests(portalUrl)
  for (const target of targets) {
    const row = await app.reveal(target.id)
    await row.getByRole('button', { name: /^Mark as unread/ }).click()
  }

  for (const target of targets) {
    const row = await app.reveal(target.id)
    await expect(row).not.toHaveAttribute('data-pending', 'true', { timeout: 20_000 })
    await expect(row).toHaveAttribute('data-unread', 'true')
  }
  await expect(app.frame.getByRole('alert')).toHaveCount(0)
  const requests = await control.requests(portalUrl)
  expect(requests.rateLimited, 'the portal refused some requests').toBeGreaterThan(0)
  const truth = await control.truth(portalUrl)
  for (const target of targets)
    expect(truth.dialogs.find((d) => d.id === target.id)?.unread).toBe(true)
})

test('npm run serve answers Bitrix24’s POST launch with the app', async ({ request }) => {
  const launchUrl = `${APP_URL}?DOMAIN=acme.bitrix24.com&PROTOCOL=1&LANG=en&APP_SID=abc123`
  const page = await request.post(launchUrl, {
    form: {
      AUTH_ID: 'token',
      AUTH_EXPIRES: '3600',
      REFRESH_ID: 'refresh',
      PLACEMENT: 'DEFAULT',
      PLACEMENT_OPTIONS: '{}',
    },
  })
  expect(page.status()).toBe(200)
  expect(page.headers()['content-type']).toContain('text/html')
  expect(page.headers()['cache-control']).toBe('no-cache')
  expect(page.headers()['x-content-type-options']).toBe('nosniff')
  const html = await page.text()
  expect(html).toContain('<div id="root"></div>')

  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
  expect(script).toBeTruthy()
  const asset = await request.get(new URL(script!, APP_URL).href)
  expect(asset.status()).toBe(200)
  expect(asset.headers()['cache-control']).toContain('immutable')

  const postToAsset = await request.post(new URL(script!, APP_URL).href)
  expect(postToAsset.status()).toBe(405)
})
