import type { Frame } from '@playwright/test'
import { APP_URL } from '../playwright.config.ts'
import { control, expect, launch, test } from './support/fixtures.ts'
import { EXPECTED_BROKEN, EXPECTED_ROWS, HOSTILE_CASES } from './support/hostile-dialogs.ts'
import { appFrame, violations, watchCsp } from './support/security.ts'

// The portal's data is untrusted: every case of support/hostile-dialogs.ts is stored in the
// portal as given, and the list must show it as inert text (or a placeholder) without crashing.

interface Scan {
  /** List position → `data-dialog-id`, or `broken` for a placeholder. */
  rows: Record<number, string>
  /** `data-dialog-id` → the row's text and its data-unread. */
  texts: Record<string, string>
  unread: Record<string, string>
  pwned: unknown
  polluted: unknown
  scripts: string[]
  handlers: string[]
  embeds: number
  links: string[]
  images: string[]
  styles: string[]
  longestText: number
  bidiControls: boolean
}

/** One look at the DOM as it is now: the rows on screen, and anything that must not be there. */
function scanOnce(): Scan {
  const elements = [...document.querySelectorAll('*')]
  const rows: Record<number, string> = {}
  const texts: Record<string, string> = {}
  const unread: Record<string, string> = {}
  for (const row of document.querySelectorAll<HTMLElement>('[data-index]')) {
    const id = row.dataset.dialogId
    rows[Number(row.dataset.index)] = id ?? (row.matches('.dialog-row--broken') ? 'broken' : '?')
    if (id !== undefined) {
      texts[id] = row.textContent ?? ''
      unread[id] = row.dataset.unread ?? ''
    }
  }
  return {
    rows,
    texts,
    unread,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    polluted: (Object.prototype as Record<string, unknown>).polluted,
    scripts: [...document.scripts].map((s) => s.src || 'inline'),
    handlers: elements.flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
    ),
    embeds: document.querySelectorAll('iframe, object, embed, frame, base, body style').length,
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    images: [...document.images].map((img) => img.getAttribute('src') ?? ''),
    styles: elements
      .map((el) => el.getAttribute('style') ?? '')
      .filter((style) => /url\(|expression|javascript/i.test(style)),
    longestText: Math.max(...elements.map((el) => el.textContent?.length ?? 0)),
    bidiControls: /[\u202a-\u202e\u2066-\u2069]/.test(document.body.textContent ?? ''),
  }
}

/** Scrolls the (virtualised) list from top to bottom and merges what each screen showed. */
async function scanWholeList(frame: Frame): Promise<Scan> {
  const merged = await frame.evaluate(scanOnce)
  for (let step = 0; step < 200; step++) {
    const done = await frame.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.dialog-scroll')
      if (!scroller) return true
      const end = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
      scroller.scrollTop += Math.max(100, scroller.clientHeight / 2)
      return end
    })
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    const scan = await frame.evaluate(scanOnce)
    Object.assign(merged.rows, scan.rows)
    Object.assign(merged.texts, scan.texts)
    Object.assign(merged.unread, scan.unread)
    merged.pwned ??= scan.pwned
    merged.polluted ??= scan.polluted
    merged.scripts.push(...scan.scripts)
    merged.handlers.push(...scan.handlers)
    merged.embeds += scan.embeds
    merged.links.push(...scan.links)
    merged.images.push(...scan.images)
    merged.styles.push(...scan.styles)
    merged.longestText = Math.max(merged.longestText, scan.longestText)
    merged.bidiControls ||= scan.bidiControls
    if (done) break
  }
  return merged
}

test.describe('hostile data', () => {
  test(`${HOSTILE_CASES.length} hostile items render inertly, nothing executes, the list stands`, async ({
    page,
    portalUrl,
  }) => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(40)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const csp = await watchCsp(page)
    await control.setData(portalUrl, { dialogs: HOSTILE_CASES.map((c) => c.item) })

    const app = await launch(page)
    await expect(app.rows.first()).toBeVisible()
    const frame = await appFrame(page)
    const scan = await scanWholeList(frame)

    // Every dialog once, in the portal's order; a placeholder for each item without an id.
    const shown = Object.entries(scan.rows)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, id]) => id)
    expect(shown.filter((id) => id !== 'broken')).toEqual(EXPECTED_ROWS)
    expect(shown.filter((id) => id === 'broken')).toHaveLength(EXPECTED_BROKEN)
    for (const hostile of HOSTILE_CASES) {
      if (typeof hostile.expect !== 'object' || hostile.expect.text === undefined) continue
      expect(scan.texts[hostile.expect.row], hostile.name).toContain(hostile.expect.text)
    }

    expect(scan.pwned).toBeUndefined()
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(scan.polluted).toBeUndefined()
    expect(scan.scripts.every((src) => src.startsWith(new URL('assets/', APP_URL).href))).toBe(true)
    expect(scan.handlers).toEqual([])
    expect(scan.embeds).toBe(0)
    expect(scan.links.filter((href) => !/^https?:/.test(href))).toEqual([])
    expect(scan.images.filter((src) => !/^https?:\/\//.test(src))).toEqual([])
    expect(scan.styles).toEqual([])
    expect(scan.longestText).toBeLessThan(100_000) // the megabyte title was cut
    expect(scan.bidiControls).toBe(false)
    expect(dialogs).toEqual([])

    // Prototype keys stayed data: the `__proto__.unread: true` did not make its row unread.
    expect(scan.unread.chat1601).toBe('false')
    expect(scan.unread.chat1701).toBe('true') // huge counter
    expect(scan.unread.chat1702).toBe('false') // negative counter
    expect(scan.unread['1501']).toBe('true') // counter "7"

    // The only CSP refusals are the foreign tracking pixel's: defence in depth, not an error.
    const refused = await violations(frame)
    expect(refused.every((v) => v.directive === 'img-src')).toBe(true)
    expect(refused.every((v) => v.blockedURI.startsWith('https://evil.example/'))).toBe(true)
    expect(csp.console.every((line) => line.includes('evil.example'))).toBe(true)
  })

  test('a hostile row still toggles, and only itself', async ({ page, portalUrl }) => {
    await control.setData(portalUrl, { dialogs: HOSTILE_CASES.map((c) => c.item) })
    const app = await launch(page)
    const row = app.row('chat1001')
    await row.getByRole('button', { name: /^Mark as unread: <script>/ }).click()
    await expect(row).toHaveAttribute('data-unread', 'true')
    await expect(row).not.toHaveAttribute('data-pending', 'true')
    await expect
      .poll(async () =>
        (await control.truth(portalUrl)).dialogs.filter((d) => d.unread === true).map((d) => d.id),
      )
      .toEqual(['chat1001'])
    await expect(app.frame.getByRole('alert')).toHaveCount(0)
  })
})
