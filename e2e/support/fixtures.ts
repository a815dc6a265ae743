import {
  test as base,
  expect,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test'
import { APP_URL, PORTAL_URL } from '../../playwright.config.ts'
import * as control from './portal.ts'

export interface LaunchOptions {
  lang?: string
  placement?: 'DEFAULT' | 'IM_NAVIGATION'
  install?: boolean
  user?: number
  /** Another portal than the suite's (one hosting a static app, say) and the app's origin there. */
  target?: { portalUrl: string; appUrl: string }
}

export interface AppHandle {
  frame: FrameLocator
  /** The app's frame itself, to run code in it (the locator above is for finding elements). */
  appFrame(): Frame
  /** The row of one dialog, by DIALOG_ID as sent to the server. */
  row(dialogId: string | number): Locator
  rows: Locator
  /** Scrolls the virtualised list until the dialog's row is rendered, and returns it. */
  reveal(dialogId: string | number, options?: ScanOptions): Promise<Locator>
  /** Every row of the list, top to bottom, read by scrolling through it: [id, unread]. */
  allRows(options?: ScanOptions): Promise<[string, string][]>
  /** Like allRows, with any data attribute of the rows (e.g. `pending`): [id, value]. */
  allRowsWith(attribute: string, options?: ScanOptions): Promise<[string, string][]>
}

export interface ScanOptions {
  /**
   * Step from the last row drawn instead of by most of a screen, and take each step as soon as
   * the list has drawn it: a list of thousands of rows in a few seconds, not tens.
   */
  quick?: boolean
}

/** Runs inside the app frame: walks the list's scroll area and reports what each row showed. */
async function scanRows({
  target,
  attribute,
  quick = false,
}: {
  target: string | null
  attribute: string
  quick?: boolean
}): Promise<[string, string][] | boolean> {
  const scroller = document.querySelector<HTMLElement>('.dialog-scroll')
  if (!scroller) return target === null ? [] : false
  const nextFrame = () =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  const seen = new Map<string, string>()
  const startTop = scroller.scrollTop
  /**
   * Quick: the next step puts the last row drawn near the screen's top (the rows drawn above the
   * screen overlap it), or waits a frame more while the list has not drawn the step yet.
   */
  const nextTop = (top: number) => {
    const view = scroller.getBoundingClientRect()
    const drawn = [...scroller.querySelectorAll<HTMLElement>('[aria-posinset]')]
    const position = (row: HTMLElement) => Number(row.getAttribute('aria-posinset'))
    // The rows drawn around the screen follow one another; the focused row, drawn wherever it
    // is, may stand apart.
    let last = drawn.findIndex((row) => row.getBoundingClientRect().bottom > view.top)
    if (last < 0) return top + 64
    while (drawn[last + 1] && position(drawn[last + 1]!) === position(drawn[last]!) + 1) last++
    const row = drawn[last]!
    const size = Number(row.getAttribute('aria-setsize'))
    if (position(row) === size) return null
    // While more pages are to come the list's size is unknown (-1): its loaded end is where the
    // scroll area ends.
    const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
    if (size === -1 && atBottom && row.getBoundingClientRect().bottom <= view.bottom + 1)
      return null
    return Math.max(top, row.getBoundingClientRect().top - view.top + scroller.scrollTop - 64)
  }
  let stalled = 0
  for (let top = 0; ;) {
    scroller.scrollTop = top
    await nextFrame()
    if (!quick) await nextFrame()
    for (const row of scroller.querySelectorAll<HTMLElement>('[data-dialog-id]')) {
      seen.set(row.dataset.dialogId ?? '', row.dataset[attribute] ?? '')
    }
    if (target !== null && seen.has(target)) return true
    if (quick) {
      const next = nextTop(top)
      if (next === null) break
      // A list that does not draw the step within a second is stepped past by one row.
      stalled = next === top ? stalled + 1 : 0
      top = stalled > 60 ? top + 64 : next
      continue
    }
    if (top >= scroller.scrollHeight - scroller.clientHeight) break
    top += Math.max(64, Math.floor(scroller.clientHeight * 0.8))
  }
  if (target !== null) return false
  scroller.scrollTop = startTop // the reading leaves the list where the user had it
  await nextFrame()
  return [...seen]
}

/** Opens the local portal, which launches the app in its iframe with a form POST. */
export async function launch(page: Page, options: LaunchOptions = {}): Promise<AppHandle> {
  const query = new URLSearchParams({
    lang: options.lang ?? 'en',
    placement: options.placement ?? 'DEFAULT',
    install: options.install ? 'Y' : 'N',
    user: String(options.user ?? 1),
  })
  await page.goto(new URL(`/?${query.toString()}`, options.target?.portalUrl ?? PORTAL_URL).href)
  const frame = page.frameLocator('#app-frame')
  const row = (dialogId: string | number) => frame.locator(`[data-dialog-id="${String(dialogId)}"]`)
  const appPort = new URL(options.target?.appUrl ?? APP_URL).port
  const appFrame = () => page.frame({ url: (url) => url.port === appPort })!
  const allRowsWith = async (attribute: string, options: ScanOptions = {}) => {
    await frame.locator('.dialog-scroll').waitFor()
    return (await appFrame().evaluate(scanRows, {
      target: null,
      attribute,
      quick: options.quick === true,
    })) as [string, string][]
  }
  return {
    frame,
    appFrame,
    row,
    rows: frame.locator('[data-dialog-id]'),
    async reveal(dialogId, options = {}) {
      await frame.locator('.dialog-scroll').waitFor()
      await expect
        .poll(async () => {
          if (await row(dialogId).count()) return true
          return appFrame().evaluate(scanRows, {
            target: String(dialogId),
            attribute: 'unread',
            quick: options.quick === true,
          })
        })
        .toBe(true)
      await row(dialogId).scrollIntoViewIfNeeded()
      return row(dialogId)
    },
    allRows: (options) => allRowsWith('unread', options),
    allRowsWith,
  }
}

/** Every test starts from the portal's default data, no faults, no latency, zeroed counters. */
export const test = base.extend<{ portalUrl: string }>({
  portalUrl: [
    async ({ page }, use) => {
      await control.reset(PORTAL_URL)
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await use(PORTAL_URL)
      expect(errors, 'uncaught exceptions in the portal or the app').toEqual([])
    },
    { auto: true },
  ],
})

export type TruthDialog = control.TruthDialog

/** The unread rule, on the server's data: the manual mark or unread messages. */
export const isUnread = (d: Pick<TruthDialog, 'unread' | 'counter'>) => d.unread || d.counter > 0

/** The open-line sessions waiting in the queue: its null entries (a portal's too) show nothing. */
export const waitingLines = <T>(queued: readonly (T | null)[]): T[] =>
  queued.filter((line): line is T => line !== null)

/** The user's dialogs the list shows, in the server's order: colleague placeholders left out. */
export async function listedDialogs(portalUrl: string): Promise<TruthDialog[]> {
  return (await control.truth(portalUrl)).dialogs.filter((d) => !d.placeholder)
}

/** The first dialog, in list order, that the server holds as read: a target for "mark unread". */
export async function firstReadDialog(portalUrl: string): Promise<TruthDialog> {
  const dialog = (await listedDialogs(portalUrl)).find((d) => !isUnread(d))
  if (!dialog) throw new Error('the portal holds no read dialog')
  return dialog
}

/** Dialog id (as the rows name it) → whether the server holds it unread: every row the list shows. */
export async function serverUnread(portalUrl: string): Promise<Map<string, boolean>> {
  const { dialogs, queued } = await control.truth(portalUrl)
  return new Map(
    [...dialogs.filter((d) => !d.placeholder), ...waitingLines(queued)].map((d) => [
      String(d.id),
      isUnread(d),
    ]),
  )
}

/**
 * Listens, in the page's app frame, to what the copies of the app tell each other (the channel of
 * src/features/recent/hooks/use-cross-tab.ts). The returned wait ends once `count` messages —
 * carrying a fact about `dialogKey`, when one is given — have come and the frame has drawn twice
 * since: by then the app has done whatever it does with them.
 */
export async function listenToCopies(
  app: AppHandle,
): Promise<(count: number, dialogKey?: string) => Promise<void>> {
  const frame = app.appFrame()
  await frame.evaluate(() => {
    const heard: { facts?: [string, unknown][] }[] = []
    Object.defineProperty(window, '__heard', { value: heard, configurable: true })
    const channel = new BroadcastChannel(`unread-marks:${location.ancestorOrigins[0] ?? ''}`)
    channel.onmessage = (event: MessageEvent) => heard.push(event.data as (typeof heard)[number])
  })
  return async (count, dialogKey) => {
    await expect
      .poll(() =>
        frame.evaluate(
          (key) =>
            (window as unknown as { __heard: { facts?: [string, unknown][] }[] }).__heard.filter(
              (message) => key === undefined || message.facts?.some(([k]) => k === key),
            ).length,
          dialogKey,
        ),
      )
      .toBeGreaterThanOrEqual(count)
    await frame.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
  }
}

export { expect, control }
