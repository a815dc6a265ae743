import type { Page } from '@playwright/test'
import { firstRow, withTimeout, type Harness } from './harness.ts'
import { control, settledRequests, sleep } from './control.ts'
import { TOGGLE_LATENCY_MS, rowsInView, toggleRows, type ToggleResult } from './toggle.ts'
import { round, summarize, type Summary } from './stats.ts'

/**
 * Scale: a user with `dialogs` recent dialogs scrolls to the very end of the list. Measured:
 * rows in the DOM (at the end and the most at any point), the JS heap after a GC, the longest
 * main-thread task while scrolling, and the toggle latency down there, with the portal's rate
 * limit off: this is about the client. Then the same scroll with the cloud limit on (50 burst,
 * 2/s), as a user of a cloud portal meets it: the time to reach the oldest dialog, the HTTP
 * requests it took, the limit's refusals and the errors shown.
 */

export interface ScaleRun {
  completed: boolean
  loadMs: number
  rowsAtEnd: number
  maxRows: number
  heapMb: number | null
  /** 0: no task of 50 ms or more; null: the browser cannot tell (no Long Tasks API). */
  longestTaskMs: number | null
}

/** One scroll to the end under the cloud rate limit. */
export interface ReachRun {
  completed: boolean
  loadMs: number
  /** HTTP requests to /rest/ from the launch until the oldest dialog was on screen. */
  requests: number
  byMethod: Record<string, number>
  /** 503 QUERY_LIMIT_EXCEEDED answered on the way. */
  rateLimited: number
  /** Failures on screen at the end, in any live region (alerts, error toasts). */
  errorsShown: number
  longestTaskMs: number | null
}

export interface ScaleResult {
  dialogs: number
  runs: ScaleRun[]
  rowsAtEnd: Summary | null
  maxRows: Summary | null
  heapMb: Summary | null
  longestTaskMs: Summary | null
  loadMs: Summary | null
  toggleAtBottom: Pick<ToggleResult, 'clicks' | 'script'> & { restLatencyMs: number }
  cloudLimit: {
    runs: ReachRun[]
    loadMs: Summary | null
    requests: Summary | null
    rateLimited: Summary | null
    errorsShown: Summary | null
    longestTaskMs: Summary | null
  }
}

/** No new row for this long: the list has stopped loading; report what was reached. */
const STALL_MS = 15_000
const READ_TIMEOUT_MS = 30_000

const progress = (text: string) => process.stdout.write(` [${text}]`)

/** A wheel turn over the app's frame; scrolling chains from the app to the portal page. */
async function wheelOverFrame(page: Page): Promise<void> {
  const box = await page.locator('#app-frame').boundingBox()
  const viewport = page.viewportSize()
  if (!box || !viewport) return
  const top = Math.max(box.y, 0)
  const bottom = Math.min(box.y + box.height, viewport.height)
  await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2)
  await page.mouse.wheel(0, 20_000)
}

async function scrollToEnd(
  harness: Harness,
  dialogs: number,
  clicks: number,
  timeoutMs: number,
  cloudLimit = false,
) {
  const site = harness.app
  await control.reset(site.portalUrl)
  if (!cloudLimit) await control.setRateLimit(site.portalUrl, { off: true })
  await control.setData(site.portalUrl, { count: dialogs })
  const truth = await control.truth(site.portalUrl)
  const lastId = String(truth.dialogs.at(-1)?.id ?? '')
  const session = await harness.open(site)
  try {
    const { frame } = session
    await firstRow(session)
    const startedAt = await frame.evaluate(() => window.__bench.now())
    const started = Date.now()
    let maxRows = 0
    let completed = false
    let progressAt = Date.now()
    let seen = ''
    let loggedAt = Date.now()
    while (Date.now() - started < timeoutMs && Date.now() - progressAt < STALL_MS) {
      let step: { rows: number; lastId: string | null }
      try {
        step = await withTimeout(
          frame.evaluate(() => window.__bench.scrollToLastRow()),
          STALL_MS,
          'scrolling',
        )
      } catch {
        break // the frame's main thread is stuck: what was reached is the result
      }
      if (Date.now() - loggedAt > 10_000) {
        loggedAt = Date.now()
        progress(`${step.rows} rows mounted, ${Math.round((Date.now() - started) / 1000)} s`)
      }
      maxRows = Math.max(maxRows, step.rows)
      if (step.lastId === lastId) {
        completed = true
        break
      }
      if (`${step.lastId}/${step.rows}` !== seen) {
        seen = `${step.lastId}/${step.rows}`
        progressAt = Date.now()
      }
      // Past the last row too, as a user's wheel would: the app's own end-of-list trigger
      // (an observer, a virtualizer) must see the end, not just the last row.
      await wheelOverFrame(session.page)
      await sleep(50)
    }
    const loadMs = Date.now() - started
    const counts = await control.requests(site.portalUrl)
    // Read before anything else runs in the frame: the GC for the heap figure is a long task too.
    const read = <T>(what: string, value: Promise<T>) =>
      withTimeout(value, READ_TIMEOUT_MS, what).catch(() => null)
    // A frame too busy to answer had a task at least as long as the wait.
    const longestTaskMs = await withTimeout(
      frame.evaluate((since) => window.__bench.longestTaskSince(since), startedAt),
      READ_TIMEOUT_MS,
      'longest task',
    ).catch(() => READ_TIMEOUT_MS)
    await settledRequests(site.portalUrl, 500, 30_000)
    const rowsAtEnd = await read(
      'rows',
      frame.evaluate(() => window.__bench.rows()),
    )
    const heap = await read(
      'heap',
      frame.evaluate(() => window.__bench.heap()),
    )
    const run: ScaleRun = {
      completed,
      loadMs,
      rowsAtEnd: rowsAtEnd ?? maxRows,
      maxRows,
      heapMb: heap === null ? null : round(heap / 1e6),
      longestTaskMs,
    }
    const reach: ReachRun = {
      completed,
      loadMs,
      requests: counts.total,
      byMethod: counts.byMethod,
      rateLimited: (await control.requests(site.portalUrl)).rateLimited,
      errorsShown:
        (await read(
          'errors shown',
          frame.evaluate(() => window.__bench.errorsShown()),
        )) ?? 0,
      longestTaskMs: run.longestTaskMs,
    }
    let toggle = null
    if (clicks > 0 && rowsAtEnd !== null) {
      await control.setLatency(site.portalUrl, TOGGLE_LATENCY_MS)
      // The rows on screen now: the bottom of the list.
      const rows = await rowsInView(frame)
      toggle = await toggleRows(frame, rows, clicks)
    }
    return { run, reach, toggle }
  } finally {
    await session.close()
    await control.reset(site.portalUrl)
  }
}

export async function measureScale(
  harness: Harness,
  options: { dialogs: number; runs: number; clicks: number; timeoutMs: number },
): Promise<ScaleResult> {
  const runs: ScaleRun[] = []
  let toggleAtBottom: ScaleResult['toggleAtBottom'] = {
    restLatencyMs: TOGGLE_LATENCY_MS,
    clicks: null,
    script: null,
  }
  for (let index = 0; index < options.runs; index++) {
    // The toggle is measured once, in the first run: its clicks are many samples already.
    const { run, toggle } = await scrollToEnd(
      harness,
      options.dialogs,
      index === 0 ? options.clicks : 0,
      options.timeoutMs,
    )
    runs.push(run)
    if (toggle) toggleAtBottom = { restLatencyMs: TOGGLE_LATENCY_MS, ...toggle }
    // A list that cannot reach its end would only repeat the same timeout: one run says it.
    if (!run.completed) break
  }
  const reaches: ReachRun[] = []
  for (let index = 0; index < options.runs; index++) {
    const { reach } = await scrollToEnd(harness, options.dialogs, 0, options.timeoutMs, true)
    reaches.push(reach)
    if (!reach.completed) break
  }
  const pick = (key: 'rowsAtEnd' | 'maxRows' | 'longestTaskMs' | 'loadMs') =>
    summarize(runs.map((run) => run[key] ?? Number.NaN))
  const pickReach = (
    key: 'loadMs' | 'requests' | 'rateLimited' | 'errorsShown' | 'longestTaskMs',
  ) => summarize(reaches.map((reach) => reach[key] ?? Number.NaN))
  return {
    dialogs: options.dialogs,
    runs,
    rowsAtEnd: pick('rowsAtEnd'),
    maxRows: pick('maxRows'),
    heapMb: summarize(runs.map((run) => run.heapMb ?? Number.NaN)),
    longestTaskMs: pick('longestTaskMs'),
    loadMs: pick('loadMs'),
    toggleAtBottom,
    cloudLimit: {
      runs: reaches,
      loadMs: pickReach('loadMs'),
      requests: pickReach('requests'),
      rateLimited: pickReach('rateLimited'),
      errorsShown: pickReach('errorsShown'),
      longestTaskMs: pickReach('longestTaskMs'),
    },
  }
}
