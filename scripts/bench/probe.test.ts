// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { firstRowMessage, type BenchProbe } from './probe.ts'

beforeAll(() => {
  // Installed as the bench installs it into the frame: the file's text, run as a script.
  new Function(readFileSync(join(import.meta.dirname, 'probe.browser.js'), 'utf8'))()
})

/** The number of failures the probe counts on a page holding `body`. */
function errorsShownIn(body: string): number {
  document.body.innerHTML = body
  const probe: BenchProbe = window.__bench
  return probe.errorsShown()
}

/** The app's toast region (UndoToast.tsx): a role="status" region holding one toast. */
const toast = (tone: 'error' | 'neutral') =>
  `<div class="toast-region" role="status" aria-live="polite">
     <div class="toast toast--${tone}"><span class="toast__text">…</span></div>
   </div>`
/** A row's failure (DialogRow.tsx). */
const rowFailure = `<div data-dialog-id="chat5"><div class="dialog-row__failure" role="alert">…</div></div>`

describe('errors shown, as the bench counts them in the frame', () => {
  it('count an error toast in the role="status" region', () => {
    expect(errorsShownIn(toast('error'))).toBe(1)
  })

  it('count a failure shown in a row as role="alert"', () => {
    expect(errorsShownIn(rowFailure)).toBe(1)
  })

  it('count both, and nothing for a neutral toast or an empty region', () => {
    expect(errorsShownIn(`${toast('error')}${rowFailure}${rowFailure}`)).toBe(3)
    expect(errorsShownIn(`${toast('neutral')}<p role="status">Loading…</p>`)).toBe(0)
  })

  it('count one failure once when an alert is styled as an error too', () => {
    const listError = `<div class="list-status list-status--error" role="alert">
      <p class="list-status__text list-status__text--error">…</p></div>`
    expect(errorsShownIn(listError)).toBe(1)
  })

  it('leave an error-styled element alone when it is no live region', () => {
    expect(errorsShownIn('<div class="field--error">…</div>')).toBe(0)
  })
})

describe('the cold start breakdown', () => {
  afterEach(() => vi.restoreAllMocks())

  it('takes the scripts the HTML names, not chunks that load after the first row', () => {
    document.head.innerHTML = `<script type="module" src="/assets/index.js"></script>
      <link rel="modulepreload" href="/assets/render.js">`
    document.dispatchEvent(new Event('DOMContentLoaded'))
    // Added by the bundler when a later chunk is imported: not on the way to the first row.
    document.head.insertAdjacentHTML(
      'beforeend',
      '<link rel="modulepreload" href="/assets/ShortcutsHelp.js">',
    )
    const resource = (path: string, responseEnd: number) => ({
      name: new URL(path, location.href).href,
      initiatorType: 'script',
      startTime: 0,
      responseEnd,
    })
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type) =>
      type === 'resource'
        ? ([
            resource('/assets/index.js', 120),
            resource('/assets/render.js', 135),
            resource('/assets/ShortcutsHelp.js', 420),
          ] as unknown as PerformanceEntryList)
        : [],
    )
    const probe: BenchProbe = window.__bench
    expect(probe.breakdown().scripts).toBe(135)
  })
})

describe('the paint a toggle waits for', () => {
  /** The frame's rAF callbacks, run when the test says the frame comes. */
  let frame: FrameRequestCallback[] = []
  /** Tasks the probe posted through the Scheduler API, with their priority. */
  let posted: { callback: () => void; priority: string | undefined }[] = []

  beforeEach(() => {
    frame = []
    posted = []
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frame.push(callback))
    // jsdom has no CSS.escape; the ids here need no escaping.
    vi.stubGlobal('CSS', { escape: (value: string) => value })
    vi.stubGlobal('scheduler', {
      postTask: (callback: () => void, options?: { priority?: string }) => {
        posted.push({ callback, priority: options?.priority })
        return Promise.resolve()
      },
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  /** A row, armed, clicked, and flipped by the "app": the probe has seen the change. */
  async function clickAndFlip() {
    document.body.innerHTML = '<div data-dialog-id="chat7" data-unread="false"></div>'
    const probe: BenchProbe = window.__bench
    probe.armToggle('chat7', true)
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    document.querySelector('[data-dialog-id]')?.setAttribute('data-unread', 'true')
    await Promise.resolve() // the MutationObserver's delivery
    return probe
  }

  it('tells the bench of the first row over the console once its frame is painted', async () => {
    const probe: BenchProbe & { firstRowPending?: boolean } = window.__bench
    // A fresh frame: earlier tests here have drawn rows of their own.
    probe.firstRowAt = null
    probe.firstRowPending = false
    const said = vi.spyOn(console, 'debug').mockImplementation(() => {})
    document.body.innerHTML = '<div data-dialog-id="1"></div>'
    await Promise.resolve() // the MutationObserver's delivery

    for (const callback of frame) callback(performance.now())
    expect(said).not.toHaveBeenCalled() // drawn, not yet painted
    posted[0]?.callback()
    expect(probe.firstRowAt).toEqual(expect.any(Number))
    expect(said).toHaveBeenCalledWith(firstRowMessage(location.origin))
  })

  it('stamps the paint in a task posted from the frame at user-blocking priority', async () => {
    const probe = await clickAndFlip()
    expect(probe.toggle?.seenAt).not.toBeNull()
    expect(posted).toEqual([]) // nothing before the frame

    // A page may queue tasks of its own from the same frame (the app sends a request once the
    // frame is painted); only a task that outranks theirs stamps the frame and not their work.
    for (const callback of frame) callback(performance.now())
    expect(posted.map((task) => task.priority)).toEqual(['user-blocking'])
    expect(probe.toggle?.paintAt).toBeNull()

    posted[0]?.callback()
    expect(probe.toggle?.paintAt).toEqual(expect.any(Number))
  })
})
