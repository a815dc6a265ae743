import type { Page } from '@playwright/test'
import { control, expect, launch, test } from './support/fixtures.ts'

async function frameBox(page: Page) {
  const box = await page.locator('#app-frame').boundingBox()
  if (!box) throw new Error('no app frame on the page')
  return box
}

test('in DEFAULT the iframe takes the content’s height, growing and shrinking, with no inner scroll', async ({
  page,
}) => {
  const app = await launch(page, { placement: 'DEFAULT' })
  await expect(app.rows.first()).toBeVisible()
  const root = app.frame.locator('#root')
  const contentHeight = () => root.evaluate((el) => Math.ceil(el.getBoundingClientRect().height))

  // The frame takes exactly the content's height.
  await expect
    .poll(async () => Math.abs((await frameBox(page)).height - (await contentHeight())))
    .toBeLessThanOrEqual(1)
  const inner = await root.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }))
  expect(inner.scroll, 'no scrollbar inside the frame').toBeLessThanOrEqual(inner.viewport + 1)

  // Content gets shorter: the frame follows it down…
  await app.frame
    .locator('main')
    .first()
    .evaluate((main) => {
      main.style.maxHeight = '240px'
      main.style.overflow = 'hidden'
    })
  await expect.poll(async () => Math.round((await frameBox(page)).height)).toBe(240)

  // …and back up.
  await app.frame
    .locator('main')
    .first()
    .evaluate((main) => {
      main.style.maxHeight = ''
      main.style.overflow = ''
    })
  await expect
    .poll(async () => Math.abs((await frameBox(page)).height - (await contentHeight())))
    .toBeLessThanOrEqual(1)
  expect((await frameBox(page)).height).toBeGreaterThan(240)
  // The width stays fluid: the frame is as wide as the portal's content area.
  const container = await page.locator('#app-container').boundingBox()
  expect(Math.round((await frameBox(page)).width)).toBe(Math.round(container!.width))
})

test('in IM_NAVIGATION the app fills the messenger’s area and scrolls inside it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  const app = await launch(page, { placement: 'IM_NAVIGATION' })
  await expect(app.rows.first()).toBeVisible()

  const frame = await frameBox(page)
  const area = await page.locator('#app-container').boundingBox()
  expect(Math.round(frame.height)).toBe(Math.round(area!.height))
  expect(Math.round(frame.width)).toBe(Math.round(area!.width))

  // Exactly one element scrolls — the app's own list container or the document — and it takes
  // most of the area: no scroll inside a scroll.
  const inside = await app.frame.locator('.app').evaluate((appElement) => {
    const root = document.scrollingElement!
    const scrollers = [root, ...appElement.querySelectorAll('*')].filter((el) =>
      el === root
        ? el.scrollHeight > el.clientHeight + 1
        : /auto|scroll/.test(getComputedStyle(el).overflowY) &&
          el.scrollHeight > el.clientHeight + 1,
    )
    const scroller = scrollers[0]
    scroller?.scrollBy(0, 400)
    return {
      count: scrollers.length,
      scrolled: scroller?.scrollTop ?? 0,
      height:
        scroller === root ? window.innerHeight : (scroller?.getBoundingClientRect().height ?? 0),
      appHeight: appElement.getBoundingClientRect().height,
      viewport: window.innerHeight,
    }
  })
  expect(inside.viewport).toBe(Math.round(frame.height))
  expect(inside.appHeight).toBeGreaterThanOrEqual(inside.viewport)
  expect(inside.count, 'one scroll container').toBe(1)
  expect(inside.scrolled, 'the list scrolls inside the frame').toBeGreaterThan(0)
  expect(inside.height, 'the list takes most of the area').toBeGreaterThan(inside.viewport / 2)
  // The app never asks the portal to resize it here.
  await expect(page.locator('#request-log li[data-method="resizeWindow"]')).toHaveCount(0)
})

test('an empty IM_NAVIGATION screen still fills the whole area', async ({ page, portalUrl }) => {
  await control.setData(portalUrl, { count: 0 })
  const app = await launch(page, { placement: 'IM_NAVIGATION' })
  await expect(app.frame.getByText(/no chats/i).first()).toBeVisible()
  const sizes = await app.frame
    .locator('.app')
    .evaluate((el) => ({ app: el.getBoundingClientRect().height, viewport: window.innerHeight }))
  expect(sizes.app).toBeGreaterThanOrEqual(sizes.viewport)
})
