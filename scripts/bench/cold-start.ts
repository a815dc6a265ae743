import { firstRow, type Harness, type Site } from './harness.ts'
import { control } from './control.ts'
import type { ColdStartBreakdown } from './probe.ts'
import { summarize, type Summary } from './stats.ts'

/**
 * Cold start: from the portal submitting the launch form into the iframe (navigation starts)
 * to the first dialog row painted in it — for the app and for the floor page, which makes the
 * same two round trips with nothing else, and (when the harness has it) for the stack floor,
 * which makes them through the SDK and draws the rows with React. A fresh browser context per
 * run: empty HTTP cache.
 */

export interface ColdStartResult {
  latencyMs: number
  app: Summary | null
  floor: Summary | null
  /** median(app) ÷ median(floor). */
  ratio: number | null
  /** The stack floor (absent from runs made without it). */
  stack?: Summary | null
  /** median(stack) ÷ median(floor): the least the app's ratio can be on its stack. */
  stackRatio?: number | null
  /** Medians of each step, ms from the frame's navigation start: where the time goes. */
  breakdown: { app: ColdStartBreakdown; floor: ColdStartBreakdown; stack?: ColdStartBreakdown }
}

interface Launch {
  total: number
  steps: ColdStartBreakdown
}

async function launchOnce(harness: Harness, site: Site): Promise<Launch> {
  const session = await harness.open(site)
  try {
    await firstRow(session)
    const paintedAt = await session.frame.evaluate(() => window.__bench.firstRowAt)
    if (paintedAt === null) throw new Error('the first row was reported but not stamped')
    const submittedAt = await session.page.evaluate(() => window.__bench.submitAt)
    if (submittedAt === null) throw new Error('the portal page never submitted its launch form')
    const steps = await session.frame.evaluate(() => window.__bench.breakdown())
    return { total: paintedAt - submittedAt, steps }
  } finally {
    await session.close()
  }
}

function medianSteps(launches: Launch[]): ColdStartBreakdown {
  const step = (key: keyof ColdStartBreakdown) =>
    summarize(launches.map((launch) => launch.steps[key] ?? Number.NaN))?.median ?? null
  return {
    html: step('html'),
    scripts: step('scripts'),
    evaluated: step('evaluated'),
    portalAnswered: step('portalAnswered'),
    listSent: step('listSent'),
    listAnswered: step('listAnswered'),
    painted: step('painted'),
  }
}

export async function measureColdStart(
  harness: Harness,
  options: { runs: number; latencies: number[] },
): Promise<ColdStartResult[]> {
  const sites = [harness.app, harness.floor, ...(harness.stack ? [harness.stack] : [])]
  for (const site of sites) await control.reset(site.portalUrl)
  // One untimed launch each: the first one also pays for Chromium warming up its processes.
  for (const site of sites) await launchOnce(harness, site)
  const results: ColdStartResult[] = []
  for (const latencyMs of options.latencies) {
    for (const site of sites) await control.setLatency(site.portalUrl, latencyMs)
    const launches: Record<Site['name'], Launch[]> = { app: [], floor: [], stack: [] }
    // Interleaved, so drift in the machine's load hits every page alike.
    for (let run = 0; run < options.runs; run++) {
      for (const site of sites) launches[site.name].push(await launchOnce(harness, site))
    }
    const total = (name: Site['name']) => summarize(launches[name].map((launch) => launch.total))
    const [app, floor] = [total('app'), total('floor')]
    const ratio = (page: Summary | null) =>
      page && floor ? Math.round((page.median / floor.median) * 100) / 100 : null
    const stack = total('stack')
    results.push({
      latencyMs,
      app,
      floor,
      ratio: ratio(app),
      ...(harness.stack && { stack, stackRatio: ratio(stack) }),
      breakdown: {
        app: medianSteps(launches.app),
        floor: medianSteps(launches.floor),
        ...(harness.stack && { stack: medianSteps(launches.stack) }),
      },
    })
  }
  for (const site of sites) await control.setLatency(site.portalUrl, 0)
  return results
}
