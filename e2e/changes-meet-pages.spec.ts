import { control, expect, launch, test } from './support/fixtures.ts'

// A page of the list that left before a change and lands after it must not undo the change on
// screen (docs/how-a-change-travels.md): every page is laid under what was learnt since its
// request left.

test('a row clicked while the next batch of the list loads keeps its new state when the batch lands', async ({
  page,
  portalUrl,
}) => {
  await control.setData(portalUrl, { count: 700 })
  const app = await launch(page)
  const footer = app.frame.locator('.list-footer')
  await expect(app.rows.first()).toBeVisible()
  // The first page is in, and nothing more is loading.
  await expect(app.frame.locator('.dialog-scroll[aria-busy="true"]')).toHaveCount(0)

  // Every list batch from now on is computed at once (before the click's change) and answered
  // 3 s later (after it).
  await control.injectFault(portalUrl, { method: 'batch', kind: 'hold', ms: 3_000, times: -1 })
  await app.frame.locator('.dialog-scroll').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight
  })
  await expect(footer).toHaveText('Loading more chats…')

  const ids = await app.rows.evaluateAll((rows) =>
    rows
      .filter((row) => row.getAttribute('data-unread') === 'false')
      .map((row) => row.getAttribute('data-dialog-id')),
  )
  const id = ids.at(-1)!
  const row = app.row(id)
  await row.getByRole('button', { name: /^Mark as unread/ }).click()
  await expect
    .poll(async () => (await control.truth(portalUrl)).dialogs.find((d) => String(d.id) === id))
    .toMatchObject({ unread: true })
  await expect(row).not.toHaveAttribute('data-pending', 'true')
  await expect(footer).toHaveText('Loading more chats…') // the batch is still on its way

  await expect(footer).not.toHaveText('Loading more chats…', { timeout: 10_000 })
  await control.clearFaults(portalUrl)
  await expect(await app.reveal(id)).toHaveAttribute('data-unread', 'true')
})
