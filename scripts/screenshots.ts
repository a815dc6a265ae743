// `npm run screenshots`: photographs the built app inside the local portal for the README.
// Starts the portal and the production server on free loopback ports, opens the app in the
// messenger's navigation (IM_NAVIGATION) and writes docs/screenshots/{light,dark,arabic}.png (1280 px)
// and width-{320,360,414,768}.png (360 px also in dark and Arabic),
// then opens a chat's message menu and the app's "Mark unread from here" slider (IM_CONTEXT_MENU)
// and writes docs/screenshots/{message-menu,context-menu}.png.
// Run `npm run build` first. Text renders with the machine's fonts (Noto looks closest to a
// portal: apt-get install fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji).
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './find-browser.ts'
import { createAppServer } from './hosting/app-server.ts'
import { createPortal } from './portal/server.ts'

const dist = fileURLToPath(new URL('../dist', import.meta.url))
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))

interface Shot {
  file: string
  lang: string
  colorScheme: 'light' | 'dark'
  /** The app's width in px: a desktop's messenger, a tablet, a side panel or a phone. */
  width: number
}

/** Up to this width a screen is touched with a finger (Bitrix24's mobile app, a phone). */
const PHONE_WIDTH = 414

const SHOTS: Shot[] = [
  { file: 'light.png', lang: 'en', colorScheme: 'light', width: 1280 },
  { file: 'dark.png', lang: 'en', colorScheme: 'dark', width: 1280 },
  // Arabic: right-to-left.
  { file: 'arabic.png', lang: 'ar', colorScheme: 'light', width: 1280 },
  ...[768, 414, 360, 320].map((width) => ({
    file: `width-${width}.png`,
    lang: 'en',
    colorScheme: 'light' as const,
    width,
  })),
  { file: 'width-360-dark.png', lang: 'en', colorScheme: 'dark', width: 360 },
  { file: 'width-360-arabic.png', lang: 'ar', colorScheme: 'light', width: 360 },
]

/** A port nobody listens on right now (both servers must know each other's address up front). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function main(): Promise<void> {
  if (!existsSync(dist)) throw new Error('No build found in dist/. Run `npm run build` first.')
  const browserPath = findChromium()
  if (!browserPath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts`.')
  mkdirSync(out, { recursive: true })

  const [appPort, portalPort] = [await freePort(), await freePort()]
  const portalOrigin = `http://127.0.0.1:${portalPort}`
  const app = createAppServer({
    root: dist,
    origins: { portalOrigins: [portalOrigin], cdnOrigins: [], frameAncestors: [portalOrigin] },
  })
  await new Promise<void>((resolve) => app.listen(appPort, '127.0.0.1', resolve))
  const portal = createPortal({
    port: portalPort,
    appUrl: `http://localhost:${appPort}/`,
    rateLimit: null,
  })
  const portalUrl = await portal.listen()

  const browser = await chromium.launch({
    executablePath: browserPath.executablePath,
    args: CHROMIUM_ARGS,
  })
  try {
    for (const shot of SHOTS) {
      const phone = shot.width <= PHONE_WIDTH
      const page = await browser.newPage({
        viewport: { width: shot.width, height: phone ? 740 : 760 },
        ...(phone ? { hasTouch: true, isMobile: true } : {}),
      })
      await page.emulateMedia({ colorScheme: shot.colorScheme, reducedMotion: 'reduce' })
      const query = new URLSearchParams({
        lang: shot.lang,
        placement: 'IM_NAVIGATION',
        install: 'N',
        user: '1',
      })
      await page.goto(new URL(`/?${query.toString()}`, portalUrl).href)
      const frame = page.frameLocator('#app-frame')
      await frame.locator('[data-dialog-id]').first().waitFor()
      await frame.locator('html[dir]').waitFor()
      // Let avatars and fonts settle.
      await page.waitForLoadState('networkidle')
      // A pointer over a row shows its quiet action, as a user sees the list.
      if (!phone) await frame.locator('.dialog-row:has(.dialog-row__toggle)').nth(1).hover()
      await page.waitForTimeout(300)
      await page.locator('#app-frame').screenshot({ path: `${out}${shot.file}` })
      console.log(`docs/screenshots/${shot.file}`)
      await page.close()
    }
    await messageMenuShots(browser, portalUrl, portal)
  } finally {
    await browser.close()
    await portal.close()
    await new Promise((resolve) => app.close(resolve))
  }
}

/** The first group chat of user 1 that is read and whose last message is not the user's own. */
function readChat(portal: ReturnType<typeof createPortal>): string {
  for (const dialog of portal.store.truth(1)) {
    if (
      dialog.chatType === 'chat' &&
      dialog.counter === 0 &&
      !dialog.unread &&
      dialog.lastAuthorId !== 1
    )
      return String(dialog.id)
  }
  throw new Error('the demo data holds no read chat')
}

async function messageMenuShots(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  portalUrl: string,
  portal: ReturnType<typeof createPortal>,
): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } })
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' })
  const chat = readChat(portal)
  await page.goto(new URL(`/?chat=${chat}&user=1&lang=en`, portalUrl).href)
  // The third newest of the others' messages (one's own never becomes unread).
  const message = page
    .locator('#chat-messages [data-message-id]')
    .filter({ hasNot: page.locator('.author', { hasText: 'Alex Morgan' }) })
    .nth(-3)
  await message.getByRole('button', { name: /Message menu/ }).click()
  await page.locator('#messenger').screenshot({ path: `${out}message-menu.png` })
  console.log('docs/screenshots/message-menu.png')
  await message.getByRole('menuitem', { name: 'Mark unread from here' }).click()
  await page
    .frameLocator('#slider-frame')
    .getByText('Marked unread from this message')
    .waitFor({ timeout: 30_000 })
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${out}context-menu.png` })
  console.log('docs/screenshots/context-menu.png')
  await page.close()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
