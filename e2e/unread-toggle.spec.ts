import {
  control,
  expect,
  firstReadDialog,
  isUnread,
  launch,
  listedDialogs,
  test,
  type AppHandle,
  type TruthDialog,
  waitingLines,
} from './support/fixtures.ts'

async function serverDialog(portalUrl: string, id: TruthDialog['id']) {
  return (await control.truth(portalUrl)).dialogs.find((d) => d.id === id)!
}

async function settled(app: AppHandle, id: TruthDialog['id']) {
  await expect(app.row(id)).not.toHaveAttribute('data-pending', 'true', { timeout: 30_000 })
}

test('the list shows exactly the portal’s dialogs, with the unread rule applied', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const { dialogs, queued } = await control.truth(portalUrl)
  const listed = [...waitingLines(queued), ...dialogs.filter((d) => !d.placeholder)]
  await expect(app.row(listed[0]!.id)).toBeVisible()
  expect(await app.allRows()).toEqual(listed.map((d) => [String(d.id), String(isUnread(d))]))
})

test('the toggle flips before the portal has even taken the change', async ({
  page,
  portalUrl,
}) => {
  test.setTimeout(60_000)
  const app = await launch(page)
  const target = await firstReadDialog(portalUrl)
  await app.reveal(target.id)
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'false')
  // The portal sits on the change for 12 s before making it, so anything the row shows meanwhile
  // came from the click alone.
  await control.injectFault(portalUrl, { method: 'im.recent.unread', kind: 'stall', ms: 12_000 })

  await app
    .row(target.id)
    .getByRole('button', { name: `Mark as unread: ${target.title}` })
    .click()
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
  await expect(app.row(target.id)).toHaveAttribute('data-pending', 'true')
  // Still the old state on the server, so the row flipped before the server answered.
  expect((await serverDialog(portalUrl, target.id)).unread).toBe(false)

  await settled(app, target.id)
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
  expect((await serverDialog(portalUrl, target.id)).unread).toBe(true)
  await expect(
    app.row(target.id).getByRole('button', { name: `Mark as read: ${target.title}` }),
  ).toBeVisible()
})

test('mark read clears the mark and the counter on screen and on the server', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const target = (await control.truth(portalUrl)).dialogs.find((d) => d.counter > 0 && d.unread)!
  await app.reveal(target.id)
  await app
    .row(target.id)
    .getByRole('button', { name: /^Mark as read/ })
    .click()
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'false')
  await settled(app, target.id)
  const server = await serverDialog(portalUrl, target.id)
  expect([server.unread, server.counter]).toEqual([false, 0])
})

test('seven rapid clicks on one row end in the last click’s state, on screen and on the server', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const target = await firstReadDialog(portalUrl)
  await app.reveal(target.id)
  await control.setLatency(portalUrl, 150)
  await control.resetRequests(portalUrl)
  const toggle = app.row(target.id).getByRole('button', { name: /^Mark as/ })
  for (let i = 0; i < 7; i++) await toggle.click()

  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true') // odd number of clicks
  await settled(app, target.id)
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
  expect((await serverDialog(portalUrl, target.id)).unread).toBe(true)
  const requests = await control.requests(portalUrl)
  expect(requests.byMethod['im.recent.unread']).toBe(7)
})

const failures = [
  {
    name: 'result:false (the dialog no longer exists)',
    fault: { kind: 'result-false' as const },
    message: 'this chat no longer exists',
  },
  {
    name: 'HTTP 400 DIALOG_ID_EMPTY',
    fault: {
      kind: 'http' as const,
      status: 400,
      error: 'DIALOG_ID_EMPTY',
      description: 'Dialog ID can\u2019t be empty',
    },
    message: 'Bitrix24 did not accept this chat’s id',
  },
  {
    name: 'HTTP 500',
    fault: {
      kind: 'http' as const,
      status: 500,
      error: 'INTERNAL_SERVER_ERROR',
      description: 'Internal error',
    },
    message: 'Bitrix24 answered with an error (INTERNAL_SERVER_ERROR)',
  },
  {
    // The portal gives it its documented status (401) and message.
    name: 'HTTP 401 insufficient_scope',
    fault: { kind: 'http' as const, error: 'insufficient_scope' },
    message: 'the app has no permission for this',
  },
  {
    name: 'a dropped connection, retries exhausted',
    fault: { kind: 'drop' as const },
    message: 'there is no connection to Bitrix24',
  },
  {
    name: 'the rate limit, retries exhausted',
    fault: {
      kind: 'http' as const,
      status: 503,
      error: 'QUERY_LIMIT_EXCEEDED',
      description: 'Too many requests',
    },
    message: 'Bitrix24 answered with an error (QUERY_LIMIT_EXCEEDED)',
  },
]

for (const failure of failures) {
  test(`a change that fails with ${failure.name} rolls back and says why`, async ({
    page,
    portalUrl,
  }) => {
    const app = await launch(page)
    const [target, other] = (await listedDialogs(portalUrl)).filter((d) => !isUnread(d))
    await app.reveal(other!.id)
    await app.reveal(target!.id)
    await expect(app.row(target!.id)).toHaveAttribute('data-unread', 'false')
    await control.injectFault(portalUrl, {
      method: 'im.recent.unread',
      times: -1,
      ...failure.fault,
    })
    await control.setLatency(portalUrl, 400) // long enough to see the optimistic flip before the failure

    await app
      .row(target!.id)
      .getByRole('button', { name: /^Mark as unread/ })
      .click()
    await expect(app.row(target!.id)).toHaveAttribute('data-unread', 'true')

    const alert = app.row(target!.id).getByRole('alert')
    await expect(alert).toContainText(`Could not mark “${target!.title}” as unread`, {
      timeout: 30_000,
    })
    await expect(alert).toContainText(failure.message)
    await expect(app.row(target!.id)).toHaveAttribute('data-unread', 'false')
    await expect(app.row(other!.id)).toHaveAttribute('data-unread', 'false')
    expect((await serverDialog(portalUrl, target!.id)).unread).toBe(false)

    // Once the portal recovers, Retry delivers the same intent.
    await control.clearFaults(portalUrl)
    await alert.getByRole('button', { name: 'Retry' }).click()
    await settled(app, target!.id)
    await expect(app.row(target!.id)).toHaveAttribute('data-unread', 'true')
    await expect(app.row(target!.id).getByRole('alert')).toHaveCount(0)
    expect((await serverDialog(portalUrl, target!.id)).unread).toBe(true)
  })
}

test('paging past 400 dialogs shows each dialog exactly once', async ({ page, portalUrl }) => {
  await control.setData(portalUrl, { count: 450 })
  const app = await launch(page)
  const { dialogs, queued } = await control.truth(portalUrl)
  expect(dialogs).toHaveLength(450)
  // The rows: the queued open-line sessions once, then every dialog (colleague placeholders are not).
  const listed = [
    ...waitingLines(queued).map((q) => String(q.id)),
    ...dialogs.filter((d) => !d.placeholder).map((d) => String(d.id)),
  ]
  await expect(app.rows.first()).toBeVisible()
  // Scrolling to the end asks for the next pages; scan until the portal has given them all.
  let ids: string[] = []
  await expect
    .poll(
      async () => {
        ids = (await app.allRows()).map(([id]) => id)
        return ids.length
      },
      { timeout: 20_000 },
    )
    .toBe(listed.length)
  await expect(app.frame.getByText('All chats are shown.')).toBeVisible()
  expect(new Set(ids).size).toBe(listed.length)
  expect(ids).toEqual(listed)
})
