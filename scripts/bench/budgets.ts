import type { BenchResults } from './results.ts'

/**
 * The budgets the project commits to (issue 7). A check without a figure (the feature is not
 * in the app yet, or the section was skipped) is "n/a" and neither passes nor fails.
 */

export interface Check {
  figure: string
  value: number | null
  unit: string
  limit: number
  /** null = n/a */
  pass: boolean | null
  note?: string
}

export const BUDGETS = {
  toggleP95Ms: 17,
  /** Toggle p95 ÷ the floor page's p95 in the same run. */
  toggleVsFloor: 1.3,
  /** Cold start ÷ floor, by REST latency: the app's own work weighs less as the network slows. */
  coldStartRatio: { 0: 1.5, 150: 1.3 } as Record<number, number>,
  /** From the last script arriving to the first im.recent.list request leaving (REST 0 ms). */
  listAfterScriptsMs: 40,
  markOneRequests: 1,
  rateLimitErrorsShown: 0,
  rowsInDom: 100,
  /** Longest main-thread task while scrolling through and loading every page. */
  longestTaskMs: 50,
  /** Launch → the oldest dialog on screen, cloud rate limit on. */
  reachEndMs: 10_000,
  initialJsGzipKb: 160,
} as const

function check(
  figure: string,
  value: number | null | undefined,
  unit: string,
  limit: number,
  note?: string,
): Check {
  const known = value ?? null
  return {
    figure,
    value: known,
    unit,
    limit,
    pass: known === null ? null : known <= limit,
    ...(note ? { note } : {}),
  }
}

export function checkBudgets(results: BenchResults): Check[] {
  const checks: Check[] = []
  const { toggle, coldStart, network, scale, bundle } = results
  if (toggle) {
    checks.push(
      check(
        `toggle p95, REST answering in ${toggle.restLatencyMs} ms`,
        toggle.clicks?.p95,
        'ms',
        BUDGETS.toggleP95Ms,
      ),
    )
    const app = toggle.clicks?.p95
    const floor = toggle.floor?.p95
    checks.push(
      check(
        'toggle p95 ÷ floor p95',
        app && floor ? Math.round((app / floor) * 100) / 100 : null,
        '×',
        BUDGETS.toggleVsFloor,
      ),
    )
  }
  for (const start of coldStart ?? []) {
    checks.push(
      check(
        `cold start ÷ floor, REST at ${start.latencyMs} ms`,
        start.ratio,
        '×',
        BUDGETS.coldStartRatio[start.latencyMs] ?? BUDGETS.coldStartRatio[150] ?? 1.3,
      ),
    )
    const { scripts, listSent } = start.breakdown.app
    if (start.latencyMs === 0)
      checks.push(
        check(
          'cold start: scripts arrived → list request sent, REST at 0 ms',
          scripts !== null && listSent !== null ? Math.round(listSent - scripts) : null,
          'ms',
          BUDGETS.listAfterScriptsMs,
        ),
      )
  }
  if (network) {
    checks.push(
      check(
        'requests to mark 1 dialog (writes)',
        network.markOne?.max,
        'req',
        BUDGETS.markOneRequests,
      ),
      check(
        `requests to mark ${network.dialogs} dialogs (writes)`,
        network.markAll?.max,
        'req',
        network.markAllBudget,
        network.bulkAvailable ? undefined : 'n/a (not implemented yet)',
      ),
      check(
        'errors shown to the user (role=alert) after rate-limited traffic',
        network.alertsShown?.max,
        '',
        BUDGETS.rateLimitErrorsShown,
      ),
    )
  }
  if (scale) {
    checks.push(
      check(
        `rows in the DOM at ${scale.dialogs} dialogs (most at any time)`,
        scale.maxRows?.max,
        'rows',
        BUDGETS.rowsInDom,
        scale.runs.every((run) => run.completed)
          ? undefined
          : 'the end of the list was not reached',
      ),
      check(
        `longest task while scrolling ${scale.dialogs} dialogs (rate limit off and on)`,
        Math.max(scale.longestTaskMs?.max ?? 0, scale.cloudLimit.longestTaskMs?.max ?? 0) || null,
        'ms',
        BUDGETS.longestTaskMs,
      ),
      check(
        `first row → oldest of ${scale.dialogs} dialogs on screen, cloud rate limit on`,
        scale.cloudLimit.loadMs?.max,
        'ms',
        BUDGETS.reachEndMs,
        scale.cloudLimit.runs.every((run) => run.completed)
          ? undefined
          : 'the end of the list was not reached',
      ),
      check(
        `errors shown to the user while reaching the oldest of ${scale.dialogs} dialogs`,
        scale.cloudLimit.alertsShown?.max,
        '',
        BUDGETS.rateLimitErrorsShown,
      ),
      check(
        `toggle p95 at the bottom of ${scale.dialogs} dialogs`,
        scale.toggleAtBottom.clicks?.p95,
        'ms',
        BUDGETS.toggleP95Ms,
      ),
    )
  }
  if (bundle)
    checks.push(
      check(
        'initial JS, gzip',
        Math.round(bundle.js.gzip / 100) / 10,
        'kB',
        BUDGETS.initialJsGzipKb,
      ),
    )
  return checks
}
