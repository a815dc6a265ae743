import {
  control,
  expect,
  firstReadDialog,
  isUnread,
  launch,
  listedDialogs,
  serverUnread as serverState,
  test,
  type AppHandle,
} from './support/fixtures.ts'

/** Waits until no row shows a change in flight, then checks every row against the server. */
async function expectScreenEqualsServer(app: AppHandle, portalUrl: string) {
  await expect(app.frame.locator('[data-pending="true"]')).toHaveCount(0, { timeout: 60_000 })
  const server = await serverState(portalUrl)
  const screen = await app.allRows()
  expect(screen.length).toBe(server.size)
  for (const [id, unread] of screen) expect([id, unread]).toEqual([id, String(server.get(id))])
}

const selectAll = (app: AppHandle) =>
  app.frame.getByRole('checkbox', { name: /^Select all/ }).check()
const bulkButton = (app: AppHandle, unread: boolean) =>
  app.frame.getByRole('button', {
    name: unread ? /^Mark selected as unread/ : /^Mark selected as read/,
  })
const toast = (app: AppHandle) => app.frame.locator('.toast')

test.describe('selection and bulk changes', () => {
  test('checkboxes and shift-click select a range; the bulk button changes them at once', async ({
    page,
    portalUrl,
  }) => {
    const app = await launch(page)
    const dialogs = (await control.truth(portalUrl)).dialogs.slice(0, 4)
    await app.reveal(dialogs[0]!.id)
    await control.setLatency(portalUrl, 500)
    await app
      .row(dialogs[0]!.id)
      .getByRole('checkbox', { name: `Select ${dialogs[0]!.title}` })
      .check()
    await app
      .row(dialogs[3]!.id)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] })
    for (const d of dialogs) await expect(app.row(d.id).getByRole('checkbox')).toBeChecked()

    await bulkButton(app, true).click()
    for (const d of dialogs) await expect(app.row(d.id)).toHaveAttribute('data-unread', 'true')
    await expectScreenEqualsServer(app, portalUrl)
    for (const d of dialogs) expect((await serverState(portalUrl)).get(String(d.id))).toBe(true)
  })

  test('a bulk mark-read of 2,000 dialogs takes ⌈commands/50⌉ requests and shows no error', async ({
    page,
    portalUrl,
  }) => {
    test.setTimeout(180_000)
    await control.setData(portalUrl, { count: 2000 })
    const app = await launch(page)
    await expect(app.rows.first()).toBeVisible()
    // Make every dialog unread first, so the measured change really touches all 2,000.
    await selectAll(app)
    await bulkButton(app, true).click()
    await expect(toast(app)).toContainText(/chats changed|Nothing to change/, { timeout: 90_000 })
    expect([...(await serverState(portalUrl)).values()].every(Boolean)).toBe(true)

    // Every dialog is unread now: by the mark (im.recent.unread N), by unread messages
    // (im.dialog.read), or both.
    const listed = await listedDialogs(portalUrl)
    const marked = listed.filter((d) => d.unread).length
    const withMessages = listed.filter((d) => d.counter > 0).length
    await control.resetRequests(portalUrl)
    await selectAll(app)
    await bulkButton(app, false).click()
    await expect(toast(app)).toContainText(`${listed.length.toLocaleString('en')} chats changed`, {
      timeout: 90_000,
    })

    const requests = await control.requests(portalUrl)
    expect(requests.commands['im.recent.unread']).toBe(marked)
    expect(requests.commands['im.dialog.read'] ?? 0).toBe(withMessages)
    // List pages travel in batches too; only the batches that carried a change count here.
    expect(control.writeBatches(requests)).toBe(Math.ceil((marked + withMessages) / 50))
    expect(requests.byMethod['im.recent.unread'] ?? 0).toBe(0)
    await expect(app.frame.getByRole('alert')).toHaveCount(0)
    await expect(app.frame.locator('.toast--error')).toHaveCount(0)
    expect((await listedDialogs(portalUrl)).some(isUnread)).toBe(false)
    await expectScreenEqualsServer(app, portalUrl)
  })

  test('Cancel stops a large change between batches; the rest stays as the server holds it', async ({
    page,
    portalUrl,
  }) => {
    await control.setData(portalUrl, { count: 400 })
    const app = await launch(page)
    await expect(app.rows.first()).toBeVisible()
    await selectAll(app)
    await control.setLatency(portalUrl, 400)
    await bulkButton(app, true).click()
    await expect(app.frame.locator('progress')).toBeVisible()
    await app.frame.getByRole('button', { name: 'Cancel' }).click()
    await expect(toast(app)).toContainText('Cancelled:', { timeout: 30_000 })
    await control.setLatency(portalUrl, 0)
    const server = [...(await serverState(portalUrl)).values()]
    expect(server.some((unread) => !unread)).toBe(true) // not everything was sent
    await expectScreenEqualsServer(app, portalUrl)
  })

  test('per-item failures are rolled back and listed, and Retry finishes the job', async ({
    page,
    portalUrl,
  }) => {
    const app = await launch(page)
    const targets = (await listedDialogs(portalUrl)).filter((d) => !isUnread(d)).slice(0, 8)
    await app.reveal(targets[0]!.id)
    for (const d of targets) await (await app.reveal(d.id)).getByRole('checkbox').check()
    await control.injectFault(portalUrl, {
      method: 'im.recent.unread',
      kind: 'result-false',
      times: 3,
    })
    await bulkButton(app, true).click()
    await expect(toast(app)).toContainText('3 of 8 could not be changed')
    await expectScreenEqualsServer(app, portalUrl)
    const server = await serverState(portalUrl)
    expect(targets.filter((d) => server.get(String(d.id))).length).toBe(5)

    await toast(app).getByRole('button', { name: 'Retry' }).click()
    await expect(toast(app)).toContainText('3 chats changed')
    const after = await serverState(portalUrl)
    expect(targets.every((d) => after.get(String(d.id)))).toBe(true)
  })
})

test.describe('undo', () => {
  test('Undo restores a single change', async ({ page, portalUrl }) => {
    const app = await launch(page)
    const target = await firstReadDialog(portalUrl)
    await (await app.reveal(target.id)).getByRole('button', { name: /^Mark as unread/ }).click()
    await expect(toast(app)).toContainText(`Marked “${target.title}” as unread`)
    await toast(app).getByRole('button', { name: 'Undo' }).click()
    await expect(app.row(target.id)).toHaveAttribute('data-unread', 'false')
    await expectScreenEqualsServer(app, portalUrl)
    expect((await serverState(portalUrl)).get(String(target.id))).toBe(false)
  })

  test('Undo restores exactly the previous marks of a bulk change', async ({ page, portalUrl }) => {
    const app = await launch(page)
    const before = await serverState(portalUrl)
    await selectAll(app)
    await bulkButton(app, false).click()
    await expect(toast(app)).toContainText('chats changed')
    expect((await listedDialogs(portalUrl)).some(isUnread)).toBe(false)
    await toast(app).getByRole('button', { name: 'Undo' }).click()
    // The read read messages: only the unread mark can come back, and the user is told so.
    await expect(toast(app)).toContainText(
      'Marked as unread again. The number of unread messages could not be restored.',
    )
    await expectScreenEqualsServer(app, portalUrl)
    expect(await serverState(portalUrl)).toEqual(before)
  })
})

test.describe('filters and search', () => {
  test('filters ask the portal and survive a reload; Mark all as read keeps to the filter', async ({
    page,
    portalUrl,
  }) => {
    // A portal hands a stored option back a few seconds later; here at once, so the reload
    // right after the click finds it (the delay itself is the portal's unit test).
    await control.setUserOptionDelay(portalUrl, 0)
    const app = await launch(page)
    const truth = (await control.truth(portalUrl)).dialogs
    await app.frame.getByRole('button', { name: 'Direct', exact: true }).click()
    const direct = truth.filter((d) => d.type === 'user' && !d.placeholder)
    await expect.poll(async () => (await app.allRows()).length).toBe(direct.length)
    expect((await app.allRows()).map(([id]) => id)).toEqual(direct.map((d) => String(d.id)))

    await page.locator('#reload-app').click()
    await expect(app.frame.getByRole('button', { name: 'Direct', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    )

    await app.frame.getByRole('button', { name: 'Mark all as read' }).click()
    await app.frame
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Mark all as read' })
      .click()
    await expect(toast(app)).toContainText(/chats? changed/)
    const after = (await control.truth(portalUrl)).dialogs
    expect(after.filter((d) => d.type === 'user').some(isUnread)).toBe(false)
    expect(after.filter((d) => d.type !== 'user').some(isUnread)).toBe(true)

    await app.frame.getByRole('button', { name: 'Unread', exact: true }).click()
    const unread = [...(await serverState(portalUrl)).values()].filter(Boolean)
    await expect.poll(async () => (await app.allRows()).length).toBe(unread.length)
  })

  test('search is instant, reachable with /, cleared with Esc, and survives a reload', async ({
    page,
    portalUrl,
  }) => {
    await control.setUserOptionDelay(portalUrl, 0) // see the filters test
    const app = await launch(page)
    const target = (await control.truth(portalUrl)).dialogs.find((d) =>
      /^[A-Z][a-z]+ [A-Z]/.test(d.title),
    )!
    const word = target.title.split(' ')[0]!
    await app.rows.first().focus()
    await page.keyboard.press('/')
    await expect(app.frame.getByRole('searchbox')).toBeFocused()
    await page.keyboard.type(word.toLowerCase())
    await expect(app.row(target.id)).toBeVisible()
    const titles = await app.rows.evaluateAll((rows) =>
      rows.map((row) => row.querySelector('bdi')?.textContent ?? ''),
    )
    for (const title of titles) expect(title.toLowerCase()).toContain(word.toLowerCase())
    // The search is kept as a user option, written a moment after typing stops.
    await expect
      .poll(async () => JSON.stringify((await control.truth(portalUrl)).userOptions))
      .toContain(word.toLowerCase())
    await page.locator('#reload-app').click()
    await expect(app.frame.getByRole('searchbox')).toHaveValue(word.toLowerCase())
    await app.frame.getByRole('searchbox').press('Escape')
    await expect(app.frame.getByRole('searchbox')).toHaveValue('')
  })
})

test('keyboard: arrows move, x selects, u toggles, Enter opens, ? lists the keys', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const [first, second] = (await control.truth(portalUrl)).dialogs
  await app.row(first!.id).focus()
  await page.keyboard.press('ArrowDown')
  await expect(app.row(second!.id)).toBeFocused()
  await page.keyboard.press('x')
  await expect(app.row(second!.id).getByRole('checkbox')).toBeChecked()
  const before = isUnread(second!)
  await page.keyboard.press('u')
  await expect(app.row(second!.id)).toHaveAttribute('data-unread', String(!before))
  await expect(app.row(second!.id)).toBeFocused() // focus survives the change and the refetch
  await expectScreenEqualsServer(app, portalUrl)
  await page.keyboard.press('Enter')
  await expect(page.locator('#opened-dialog')).toHaveAttribute('data-dialog-id', String(second!.id))
  await page.keyboard.press('?')
  await expect(app.frame.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(app.frame.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0)
})

test('20,000 dialogs: only visible rows in the DOM, and a toggle at the bottom flips before the server has it', async ({
  page,
  portalUrl,
}) => {
  test.setTimeout(180_000)
  await control.setData(portalUrl, { count: 20_000 })
  const app = await launch(page)
  await app.rows.first().focus()
  await expect(app.rows.first()).toBeFocused()
  // End jumps to the last loaded row, which asks for the next page; repeat until all are there.
  await expect
    .poll(
      async () => {
        await page.keyboard.press('End')
        return app.frame.getByText('All chats are shown.').isVisible()
      },
      { timeout: 150_000, intervals: [250] },
    )
    .toBe(true)
  expect(await app.rows.count()).toBeLessThanOrEqual(100)
  const last = (await control.truth(portalUrl)).dialogs.at(-1)!
  await page.keyboard.press('End')
  await expect(app.row(last.id)).toBeFocused()
  // The portal sits on the change for 12 s: a flipped row can only come from the key press.
  await control.injectFault(portalUrl, { method: 'im.recent.unread', kind: 'stall', ms: 12_000 })
  const was = await app.row(last.id).getAttribute('data-unread')
  await page.keyboard.press('u')
  await expect(app.row(last.id)).not.toHaveAttribute('data-unread', was!)
  expect(String((await serverState(portalUrl)).get(String(last.id)))).toBe(was)
  expect(await app.rows.count()).toBeLessThanOrEqual(100)
  await expect(app.row(last.id)).not.toHaveAttribute('data-pending', 'true', { timeout: 30_000 })
})

test('two open copies converge after a change in either, long before the 30 s refresh', async ({
  page,
  portalUrl,
}) => {
  const other = await page.context().newPage()
  const a = await launch(page)
  const b = await launch(other)
  const target = await firstReadDialog(portalUrl)
  await b.reveal(target.id)
  await (await a.reveal(target.id)).getByRole('button', { name: /^Mark as unread/ }).click()
  await expect(b.row(target.id)).toHaveAttribute('data-unread', 'true')
  await other.close()
})

test('a click while offline is kept, shown as pending, and sent when the network returns', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page)
  const target = await firstReadDialog(portalUrl)
  await app.reveal(target.id)
  await page.context().setOffline(true)
  await app
    .row(target.id)
    .getByRole('button', { name: /^Mark as unread/ })
    .click()
  await expect(app.frame.getByText('You are offline.', { exact: false })).toBeVisible()
  await expect(app.row(target.id)).toHaveAttribute('data-pending', 'true')
  await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
  // Offline, nothing can reach the portal: the click is kept, not lost.
  expect((await serverState(portalUrl)).get(String(target.id))).toBe(false)

  await page.context().setOffline(false)
  await expectScreenEqualsServer(app, portalUrl)
  expect((await serverState(portalUrl)).get(String(target.id))).toBe(true)
  await expect(app.frame.getByRole('alert')).toHaveCount(0)
})
