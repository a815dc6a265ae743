import { APP_URL } from '../playwright.config.ts'
import { control, expect, launch, test } from './support/fixtures.ts'
import { holdInitData, releaseInitData } from './support/security.ts'

// What the user sees when the app cannot do its job: each case its own plain screen.

test('opened outside Bitrix24: says where the app belongs and how to install it', async ({
  page,
}) => {
  await page.goto(APP_URL)
  await expect(page.getByRole('heading', { name: 'Open this app inside Bitrix24' })).toBeVisible()
  await expect(page.getByText(/Local application/)).toBeVisible()
})

test('revoked access (user_access_error): says so and what an admin should do', async ({
  page,
  portalUrl,
}) => {
  await control.injectFault(portalUrl, {
    method: 'im.recent.list',
    kind: 'http',
    // The portal answers with the documented status (401) and message.
    error: 'user_access_error',
    times: -1,
  })
  const app = await launch(page)
  const screen = app.frame.getByRole('alert')
  await expect(
    screen.getByRole('heading', { name: 'Your access to Unread marks was revoked' }),
  ).toBeVisible({ timeout: 10_000 })
  await expect(screen).toContainText('administrator')
  await expect(screen).toContainText('Applications → Installed')
  await expect(app.rows).toHaveCount(0)

  // Access given back: Try again brings the list.
  await control.clearFaults(portalUrl)
  await screen.getByRole('button', { name: 'Try again' }).click()
  await expect(app.rows.first()).toBeVisible()
  await expect(app.frame.getByRole('alert')).toHaveCount(0)
})

test('missing scope (insufficient_scope): names the scope and the admin’s fix, in Russian too', async ({
  page,
  portalUrl,
}) => {
  await control.injectFault(portalUrl, {
    method: 'im.recent.list',
    kind: 'http',
    error: 'insufficient_scope',
    times: -1,
  })
  const app = await launch(page)
  const screen = app.frame.getByRole('alert')
  await expect(
    screen.getByRole('heading', { name: 'Unread marks lacks the permission to read chats' }),
  ).toBeVisible({ timeout: 10_000 })
  await expect(screen).toContainText('“im”')
  await expect(screen).toContainText('Developer resources → Integrations')

  const ru = await launch(page, { lang: 'ru' })
  await expect(
    ru.frame.getByRole('heading', { name: 'У «Непрочитанных» нет права читать чаты' }),
  ).toBeVisible({ timeout: 10_000 })
})

test('a slow portal: the app says it is still waiting, then starts when the answer comes', async ({
  page,
}) => {
  await holdInitData(page)
  const app = await launch(page)
  // Shown 3 s after the app starts waiting, and replaced at 10 s by the "does not answer"
  // screen: the window leaves a busy machine several seconds to start the app.
  await expect(app.frame.getByRole('heading', { name: 'Bitrix24 is slow to answer' })).toBeVisible({
    timeout: 9_000,
  })
  await expect(app.frame.getByText('Still waiting for the portal')).toBeVisible()

  await releaseInitData(page)
  await expect(app.rows.first()).toBeVisible()
})

test('a silent portal: after 10 s a clear screen with Try again, which works once it answers', async ({
  page,
}) => {
  test.setTimeout(40_000)
  await holdInitData(page)
  const app = await launch(page)
  const silent = app.frame.getByRole('heading', { name: 'Bitrix24 does not answer' })
  await expect(silent).toBeVisible({ timeout: 15_000 })
  await expect(app.frame.getByText('The portal did not respond in time')).toBeVisible()

  // The portal comes back (its late answer is kept); Try again starts the app.
  await releaseInitData(page)
  await app.frame.getByRole('button', { name: 'Try again' }).click()
  await expect(app.rows.first()).toBeVisible()
})
