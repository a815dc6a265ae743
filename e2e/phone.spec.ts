import { control, expect, launch, test, isUnread } from './support/fixtures.ts'

// Bitrix24's mobile app: a phone in portrait, touched with a finger. The app fills the width.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

/** Runs in the app: every control a finger can reach on screen, with the box it is touched by. */
function touchTargets() {
  const selector = 'button, input, select, textarea, a[href], [role="tab"]'
  return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
    // A control inside a <label> is also worked by touching the label: the label is its target.
    const target = element.closest('label') ?? element
    const box = target.getBoundingClientRect()
    const onScreen =
      box.width > 0 &&
      box.bottom > 0 &&
      box.top < innerHeight &&
      box.right > 0 &&
      box.left < innerWidth
    if (!onScreen || element.closest('.visually-hidden')) return []
    const name = element.getAttribute('aria-label') ?? element.textContent ?? element.tagName
    return [{ name: name.trim(), width: Math.round(box.width), height: Math.round(box.height) }]
  })
}

test('at 390 px the first screen fits, reads on one header line and has finger-sized controls', async ({
  page,
  portalUrl,
}) => {
  const app = await launch(page, { placement: 'IM_NAVIGATION' })
  await expect(app.rows.first()).toBeVisible()
  const frame = page.frames().find((candidate) => candidate.url().includes('DOMAIN='))!
  expect(await frame.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
  expect(await frame.evaluate(() => innerWidth)).toBe(390)

  // No horizontal scroll, neither in the app nor around it.
  for (const target of [page.mainFrame(), frame]) {
    const { scrollWidth, clientWidth } = await target.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
  }

  // The header on one line: its heading, search field and help button share one band.
  const header = app.frame.locator('.app-header')
  const boxes = await Promise.all(
    [
      header.getByRole('heading', { level: 1 }),
      header.getByRole('searchbox'),
      header.getByRole('button', { name: 'Keyboard shortcuts' }),
    ].map(async (part) => (await part.boundingBox())!),
  )
  const lowestTop = Math.max(...boxes.map((box) => box.y))
  const highestBottom = Math.min(...boxes.map((box) => box.y + box.height))
  expect(lowestTop).toBeLessThan(highestBottom)

  // Every control on the first screen is at least 44 × 44 px to a finger.
  const targets = await frame.evaluate(touchTargets)
  expect(targets.length).toBeGreaterThan(10)
  expect(targets.filter((target) => target.width < 44 || target.height < 44)).toEqual([])

  // A title of ordinary length is shown whole; the row action keeps its name and gains a tooltip.
  const dialog = (await control.truth(portalUrl)).dialogs[0]!
  expect(dialog.title.length).toBeLessThanOrEqual(30)
  const row = app.row(dialog.id)
  const title = row.locator('.dialog-row__title')
  await expect(title).toHaveText(dialog.title)
  const fits = await title.evaluate((element) => element.scrollWidth <= element.clientWidth)
  expect(fits, `"${dialog.title}" is cut`).toBe(true)
  const action = isUnread(dialog) ? 'Mark as read' : 'Mark as unread'
  await expect(row.getByRole('button', { name: `${action}: ${dialog.title}` })).toHaveAttribute(
    'title',
    action,
  )
})
