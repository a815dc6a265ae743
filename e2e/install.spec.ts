import { APP_URL } from '../playwright.config.ts'
import { control, expect, launch, test } from './support/fixtures.ts'

const LANGUAGES = 'ru en de la br fr it pl ua tr kz sc tc ja vn id ms th ar in'.split(' ')

interface Binding {
  placement: string
  handler: string
  title: string
  langAll: Record<string, { TITLE?: string }>
  options: Record<string, unknown>
}

async function bindings(portalUrl: string): Promise<Binding[]> {
  return (await control.truth(portalUrl)).placements as Binding[]
}

// Every test here starts on a portal where the app was never installed: no bindings.
test.beforeEach(async ({ portalUrl }) => {
  await control.setInstalled(portalUrl, false)
})

test('install explains itself, binds IM_NAVIGATION and IM_CONTEXT_MENU in every language, then finishes', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page, { install: true })
  await expect(app.frame.getByRole('heading', { level: 1 })).toHaveText('Install Unread marks')
  await expect(app.frame.getByRole('heading', { name: 'What the installation does' })).toBeVisible()
  await expect(app.frame.getByText(/messenger’s navigation/)).toBeVisible()
  expect((await control.truth(portalUrl)).installed).toBe(false)
  // Nothing is changed before the user agrees.
  expect(await bindings(portalUrl)).toEqual([])

  await app.frame.getByRole('button', { name: 'Install', exact: true }).click()

  await expect.poll(async () => (await control.truth(portalUrl)).installed).toBe(true)
  const [binding, menu, ...others] = await bindings(portalUrl)
  expect(others).toEqual([])
  expect(binding).toMatchObject({
    placement: 'IM_NAVIGATION',
    handler: APP_URL,
    title: 'Unread marks',
    options: { iconName: 'fa-envelope', extranet: 'N' },
  })
  expect(menu).toMatchObject({
    placement: 'IM_CONTEXT_MENU',
    handler: APP_URL,
    title: 'Mark unread from here',
  })
  for (const bound of [binding!, menu!]) {
    expect(Object.keys(bound.langAll).sort()).toEqual([...LANGUAGES].sort())
    for (const lang of LANGUAGES) expect(bound.langAll[lang]?.TITLE).toBeTruthy()
  }
  expect(binding!.langAll.ru?.TITLE).toBe('Непрочитанные')
  expect(menu!.langAll.ru?.TITLE).toBe('Отметить непрочитанным отсюда')
  const { byMethod } = await control.requests(portalUrl)
  expect([
    byMethod['placement.get'],
    byMethod['placement.unbind'],
    byMethod['placement.bind'],
  ]).toEqual([1, undefined, 2])
  // The portal gives setInstallFinish no answer: it reloads the page, which opens the
  // installed app in normal mode, with its messenger item now shown.
  await expect(page).toHaveURL(/install=N/)
  await expect(page.locator('#request-log')).toContainText('setInstallFinish')
  await expect(app.frame.getByRole('heading', { name: 'Recent chats' })).toBeVisible()
  await expect(page.locator('#im-nav-item')).toHaveText(/Unread marks/)
})

test('installing twice in a row binds each placement exactly once', async ({ page, portalUrl }) => {
  for (let run = 0; run < 2; run += 1) {
    const app = await launch(page, { install: true })
    await app.frame.getByRole('button', { name: 'Install', exact: true }).click()
    await expect.poll(async () => (await control.truth(portalUrl)).installed).toBe(true)
    await expect(app.frame.getByRole('heading', { name: 'Recent chats' })).toBeVisible()
  }
  const all = await bindings(portalUrl)
  expect(all.map((b) => [b.placement, b.handler])).toEqual([
    ['IM_NAVIGATION', APP_URL],
    ['IM_CONTEXT_MENU', APP_URL],
  ])
  // The second install found both bindings of the first and replaced them; none failed.
  await expect(
    page.locator('#request-log li[data-source="rest"][data-method="placement.unbind"]'),
  ).toHaveCount(2)
  await expect(page.locator('#request-log li.is-error[data-method="placement.bind"]')).toHaveCount(
    0,
  )
})

test('a failed step is shown with its reason, and Try again completes the install', async ({
  page,
  portalUrl,
}) => {
  await control.injectFault(portalUrl, {
    method: 'placement.bind',
    kind: 'http',
    status: 400,
    error: 'ERROR_PLACEMENT_NOT_FOUND',
    description: 'Placement not found',
    times: 1,
  })
  const app = await launch(page, { install: true })
  await app.frame.getByRole('button', { name: 'Install', exact: true }).click()

  const alert = app.frame.getByRole('alert')
  await expect(alert).toContainText('Installation failed')
  const steps = app.frame.getByRole('list', { name: 'Installation progress' })
  await expect(steps.getByRole('listitem')).toHaveText([
    /Checking.*: done/,
    /Removing.*: done/,
    /Adding “Unread marks”.*: failed/,
    /Adding “Mark unread from here”.*: waiting/,
    /Finishing.*: waiting/,
  ])
  expect((await control.truth(portalUrl)).installed).toBe(false)

  await app.frame.getByRole('button', { name: 'Try again' }).click()
  await expect.poll(async () => (await control.truth(portalUrl)).installed).toBe(true)
  expect(await bindings(portalUrl)).toHaveLength(2)
  // The portal reloads after the install and opens the app itself: the list, not the wizard.
  await expect(app.frame.getByRole('list', { name: 'Recent chats' })).toBeVisible({
    timeout: 15_000,
  })
})

test('a user who is not an administrator is told who can install, and offered no button that can only fail', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page, { install: true, user: 2 })
  // The install page boots from cold; the first screen may take a while on a busy machine.
  await expect(app.frame.getByRole('heading', { level: 1 })).toHaveText('Install Unread marks', {
    timeout: 15_000,
  })
  await expect(app.frame.getByRole('note')).toHaveText(
    /Only a Bitrix24 administrator can add the app/,
  )
  await expect(app.frame.getByRole('button', { name: 'Install', exact: true })).toHaveCount(0)
  const truth = await control.truth(portalUrl)
  expect(truth.installed).toBe(false)
  expect(truth.placements).toEqual([])
})
