import type { Frame, Page } from '@playwright/test'
import { audit } from './support/axe.ts'
import {
  control,
  expect,
  isUnread,
  launch,
  test,
  waitingLines,
  type AppHandle,
} from './support/fixtures.ts'

// Narrow screens: the messenger's side panel, a slider on a small laptop, Bitrix24's mobile app.
// Touched with a finger; the layout is read from the elements' boxes, never from a timer.

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

/** The app's frame (the launch URL carries DOMAIN=). */
const appFrame = (page: Page): Frame =>
  page.frames().find((candidate) => candidate.url().includes('DOMAIN='))!

/** Boxes in the app's own viewport. */
async function box(frame: Frame, selector: string) {
  return frame
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { top, bottom, left, right, width, height } = element.getBoundingClientRect()
      return { top, bottom, left, right, width, height }
    })
}

/** All the boxes share one horizontal band: each one's top is above every other one's bottom. */
function oneLine(boxes: { top: number; bottom: number }[]) {
  return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom))
}

async function open(page: Page, width: number): Promise<{ app: AppHandle; frame: Frame }> {
  await page.setViewportSize({ width, height: 740 })
  const app = await launch(page, { placement: 'IM_NAVIGATION' })
  await expect(app.rows.first()).toBeVisible()
  await expect(app.frame.locator('.app-header__total')).toBeVisible()
  const frame = appFrame(page)
  expect(await frame.evaluate(() => innerWidth)).toBe(width)
  return { app, frame }
}

test.use({ hasTouch: true, isMobile: true })

for (const width of [320, 360]) {
  test(`at ${width} px: one line each for the header, the filters and the bulk actions; the first chat high up; titles keep the row`, async ({
    page,
    portalUrl,
  }) => {
    const { app, frame } = await open(page, width)
    expect(await frame.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
    const { scrollWidth, clientWidth } = await frame.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)

    // The header: title, total, the search's button and the help on one line.
    const header = await Promise.all(
      ['.app-header__title', '.app-header__total', '.app-header__search', '.app-header__help'].map(
        (selector) => box(frame, selector),
      ),
    )
    expect(oneLine(header)).toBe(true)
    expect(await frame.locator('#recent-search').isVisible()).toBe(false)

    // The filters: one row, which scrolls sideways when it is wider than the screen.
    const tabs = await frame
      .locator('.filter-tabs__tab')
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()))
    expect(tabs).toHaveLength(5)
    expect(oneLine(tabs)).toBe(true)

    // Selection and Mark all as read: one row.
    const bulk = await Promise.all(
      ['.bulk-bar__all', '.bulk-bar__loaded', '.bulk-bar .button:last-child'].map((selector) =>
        box(frame, selector),
      ),
    )
    expect(oneLine(bulk)).toBe(true)
    await expect(app.frame.locator('.bulk-bar .button:last-child')).toHaveText('Mark all as read')

    // The first chat starts within 170 px of the top.
    expect((await box(frame, '[data-dialog-id]')).top).toBeLessThanOrEqual(170)

    // Every title has at least 60 % of its row, a queued line's too, whose state is a badge
    // under its title.
    const rows = await frame.locator('[data-dialog-id]').evaluateAll((elements) =>
      elements.map((row) => ({
        id: row.getAttribute('data-dialog-id'),
        row: row.getBoundingClientRect().width,
        title: row.querySelector('.dialog-row__title')!.getBoundingClientRect().width,
      })),
    )
    expect(rows.length).toBeGreaterThan(3)
    for (const { id, row, title } of rows) expect([id, title / row >= 0.6]).toEqual([id, true])
    const queued = waitingLines((await control.truth(portalUrl)).queued)[0]!
    const line = app.row(queued.id)
    const [title, badge] = await Promise.all(
      ['.dialog-row__title bdi', '.dialog-row__waiting'].map((selector) =>
        line.locator(selector).evaluate((element) => element.getBoundingClientRect()),
      ),
    )
    expect(badge!.top).toBeGreaterThanOrEqual(title!.bottom - 1)

    // Every control on screen is at least 44 × 44 px to a finger, and nothing breaks a rule.
    const targets = await frame.evaluate(touchTargets)
    expect(targets.length).toBeGreaterThan(10)
    expect(targets.filter((target) => target.width < 44 || target.height < 44)).toEqual([])
    expect(await audit(frame)).toEqual([])

    // The search's button unfolds the field across the width, with the cursor in it.
    await app.frame.getByRole('button', { name: 'Search chats by title' }).click()
    const field = app.frame.getByRole('searchbox')
    await expect(field).toBeFocused()
    const [headerBox, fieldBox] = await Promise.all([
      box(frame, '.app-header'),
      box(frame, '#recent-search'),
    ])
    expect(fieldBox.width).toBeGreaterThanOrEqual(headerBox.width - 2 * 12)
    expect(await audit(frame)).toEqual([])
  })
}

test('at 390 px a title of ordinary length is shown whole, and the row’s action keeps its name and a tooltip', async ({
  page,
  portalUrl,
}) => {
  const { app } = await open(page, 390)
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
