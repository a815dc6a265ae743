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
  coldStartRatio: 1.3,
  markOneRequests: 1,
  rateLimitErrorsShown: 0,
  rowsInDom: 100,
  initialJsGzipKb: 175,
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
  if (toggle)
    checks.push(
      check(
        `toggle p95, REST answering in ${toggle.restLatencyMs} ms`,
        toggle.clicks?.p95,
        'ms',
        BUDGETS.toggleP95Ms,
      ),
    )
  for (const start of coldStart ?? [])
    checks.push(
      check(
        `cold start ÷ floor, REST at ${start.latencyMs} ms`,
        start.ratio,
        '×',
        BUDGETS.coldStartRatio,
      ),
    )
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
