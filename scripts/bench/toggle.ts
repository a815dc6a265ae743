import type { Frame } from '@playwright/test'
import { firstRow, waitInFrame, type Harness, type Site } from './harness.ts'
import { control, settledRequests, sleep } from './control.ts'
import { summarize, type Summary } from './stats.ts'

/**
 * Toggle latency: the click on a row's "Mark as read/unread" button → that row painted in its
 * new state, while the portal holds every answer for a second — so what is measured is the
 * optimistic update alone, never the round trip.
 */

export const TOGGLE_LATENCY_MS = 1000

export interface ToggleResult {
  restLatencyMs: number
  /** Click → row painted in its new state. */
  clicks: Summary | null
  /** Click → the row's data-unread flipped in the DOM (the app's own work, before the frame). */
  script: Summary | null
  /** The same clicks on the floor page, whose toggle only flips an attribute: the frame's cost. */
  floor: Summary | null
}

export interface ToggleSample {
  total: number
  script: number
}

export interface RowState {
  id: string
  unread: boolean
}

/**
 * The rows in the DOM now that a user can mark, in order (an open-line session waiting in a queue
 * has no toggle).
 */
export function visibleRows(frame: Frame): Promise<RowState[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll('[data-dialog-id]')]
      .filter((row) => row.querySelector('button[aria-label^="Mark as"]') !== null)
      .map((row) => ({
        id: row.getAttribute('data-dialog-id') ?? '',
        unread: row.getAttribute('data-unread') === 'true',
      })),
  )
}

/** Rows whose toggle is inside the top-level viewport (the frame may be taller than it). */
export async function rowsInView(frame: Frame): Promise<RowState[]> {
  const rows = await visibleRows(frame)
  const inView: RowState[] = []
  for (const row of rows) {
    const button = frame
      .locator(`[data-dialog-id="${row.id}"]`)
      .getByRole('button', { name: /^Mark as (read|unread):/ })
    const box = await button.boundingBox()
    const viewport = frame.page().viewportSize()
    if (box && viewport && box.y >= 0 && box.y + box.height <= viewport.height) inView.push(row)
  }
  return inView
}

/** One click on the row's toggle; ms on the frame's clock. */
export async function toggleOnce(frame: Frame, row: RowState): Promise<ToggleSample> {
  await frame.evaluate(({ id, unread }) => window.__bench.armToggle(id, unread), {
    id: row.id,
    unread: !row.unread,
  })
  await frame
    .locator(`[data-dialog-id="${row.id}"]`)
    .getByRole('button', { name: /^Mark as (read|unread):/ })
    .click()
  return waitInFrame(
    frame,
    () => {
      const armed = window.__bench.toggle
      return armed && armed.clickAt !== null && armed.seenAt !== null && armed.paintAt !== null
        ? { total: armed.paintAt - armed.clickAt, script: armed.seenAt - armed.clickAt }
        : null
    },
    5_000,
  )
}

/**
 * Clicks `count` times, going round the given rows (a virtualised list renders only a screenful,
 * so a row may be clicked again — its state is read afresh before each click).
 */
export async function toggleRows(
  frame: Frame,
  rows: RowState[],
  count: number,
): Promise<Pick<ToggleResult, 'clicks' | 'script'>> {
  const samples: ToggleSample[] = []
  for (let index = 0; index < count && rows.length > 0; index++) {
    const target = rows[index % rows.length]
    const now = (await visibleRows(frame)).find((row) => row.id === target?.id)
    if (!now) continue // scrolled out and unmounted: the next row will do
    samples.push(await toggleOnce(frame, now))
    // A short human-like pause: answers and refetches of earlier clicks land in between.
    await sleep(150)
  }
  return {
    clicks: summarize(samples.map((sample) => sample.total)),
    script: summarize(samples.map((sample) => sample.script)),
  }
}

async function clickRows(harness: Harness, site: Site, clicks: number) {
  await control.reset(site.portalUrl)
  const session = await harness.open(site)
  try {
    await firstRow(session)
    await settledRequests(site.portalUrl)
    await control.setLatency(site.portalUrl, TOGGLE_LATENCY_MS)
    // The rows a user sees without scrolling: clicking them moves nothing.
    const rows = await rowsInView(session.frame)
    if (rows.length === 0) throw new Error(`${site.name}: no dialog row in view`)
    return await toggleRows(session.frame, rows, clicks)
  } finally {
    await control.setLatency(site.portalUrl, 0)
    await session.close()
  }
}

export async function measureToggle(
  harness: Harness,
  options: { clicks: number },
): Promise<ToggleResult> {
  const app = await clickRows(harness, harness.app, options.clicks)
  const floor = await clickRows(harness, harness.floor, options.clicks)
  return { restLatencyMs: TOGGLE_LATENCY_MS, ...app, floor: floor.clicks }
}
