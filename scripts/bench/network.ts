import type { Frame } from '@playwright/test'
import { firstRow, waitInFrame, type Harness } from './harness.ts'
import {
  control,
  dialogsChanged,
  settledRequests,
  sleep,
  writeCommands,
  writeRequests,
  type RequestCounts,
} from './control.ts'
import { summarize, type Summary } from './stats.ts'
import { visibleRows, toggleOnce } from './toggle.ts'

/**
 * Network economy, counted by the portal (HTTP requests to /rest/, a batch being one): to show
 * the first screen, to mark one dialog, to mark every dialog through "Select all" and the bulk
 * action; and the rate limit's refusals (503 QUERY_LIMIT_EXCEEDED) on the way, with the
 * portal's cloud limit on (50 burst, 2/s). Each count waits until the app has gone quiet, so the
 * refetch that follows a change is included in `total`; `writes` are the requests that carry
 * the change itself (im.recent.unread calls and batches).
 */

export interface Counted {
  total: number
  writes: number
  byMethod: Record<string, number>
}

export interface NetworkRun {
  firstScreen: Counted
  markOne: Counted
  /**
   * null: the bulk controls are not in the app (yet). `dialogsChanged`: the dialogs the portal
   * holds changed afterwards (mark or unread counter), from its truth before and after.
   */
  markAll:
    (Counted & { completed: boolean; ms: number; commands: number; dialogsChanged: number }) | null
  rateLimited: number
  /** Failures on screen after everything, in any live region (alerts, error toasts). */
  errorsShown: number
}

export interface NetworkResult {
  dialogs: number
  runs: NetworkRun[]
  firstScreen: Summary | null
  markOne: Summary | null
  markOneTotal: Summary | null
  markAll: Summary | null
  markAllTotal: Summary | null
  markAllMs: Summary | null
  /** Changes sent (im.recent.unread and im.dialog.read, in batches or alone). */
  markAllCommands: Summary | null
  /** Dialogs the portal holds changed after the bulk change. */
  markAllDialogsChanged: Summary | null
  rateLimited: Summary | null
  errorsShown: Summary | null
}

const counted = (counts: RequestCounts): Counted => ({
  total: counts.total,
  writes: writeRequests(counts),
  byMethod: counts.byMethod,
})

const everyDialogRead = async (portalUrl: string) =>
  (await control.truth(portalUrl)).dialogs.every((dialog) => !dialog.unread && dialog.counter === 0)

async function markAll(frame: Frame, portalUrl: string, timeoutMs: number) {
  const selectAll = frame
    .getByRole('checkbox', { name: /^Select all/ })
    .or(frame.getByRole('button', { name: /^Select all/ }))
  if ((await selectAll.count()) === 0) return null
  const before = (await control.truth(portalUrl)).dialogs
  await control.resetRequests(portalUrl)
  const started = Date.now()
  await selectAll.first().click()
  await frame
    .getByRole('button', { name: /^Mark selected as read/ })
    .first()
    .click()
  let completed = false
  while (Date.now() - started < timeoutMs) {
    if (await everyDialogRead(portalUrl)) {
      completed = true
      break
    }
    await sleep(250)
  }
  const ms = Date.now() - started
  const counts = await settledRequests(portalUrl)
  return {
    ...counted(counts),
    completed,
    ms,
    commands: writeCommands(counts),
    dialogsChanged: dialogsChanged(before, (await control.truth(portalUrl)).dialogs),
  }
}

async function networkRun(
  harness: Harness,
  dialogs: number,
  timeoutMs: number,
): Promise<NetworkRun> {
  const site = harness.app
  await control.reset(site.portalUrl)
  await control.setData(site.portalUrl, { count: dialogs })
  await control.resetRequests(site.portalUrl)
  const session = await harness.open(site)
  try {
    const { frame } = session
    let rateLimited = 0
    await firstRow(session)
    const first = await settledRequests(site.portalUrl)
    rateLimited += first.rateLimited

    await control.resetRequests(site.portalUrl)
    const [row] = await visibleRows(frame)
    if (!row) throw new Error('no dialog row on the first screen')
    await toggleOnce(frame, row)
    await waitInFrame(frame, () => (window.__bench.pending() === 0 ? true : null), 30_000)
    const one = await settledRequests(site.portalUrl)
    rateLimited += one.rateLimited

    const all = await markAll(frame, site.portalUrl, timeoutMs)
    if (all) rateLimited += (await control.requests(site.portalUrl)).rateLimited
    return {
      firstScreen: counted(first),
      markOne: counted(one),
      markAll: all,
      rateLimited,
      errorsShown: await frame.evaluate(() => window.__bench.errorsShown()),
    }
  } finally {
    await session.close()
    await control.reset(site.portalUrl)
  }
}

export async function measureNetwork(
  harness: Harness,
  options: { dialogs: number; runs: number; timeoutMs: number },
): Promise<NetworkResult> {
  const runs: NetworkRun[] = []
  for (let index = 0; index < options.runs; index++)
    runs.push(await networkRun(harness, options.dialogs, options.timeoutMs))
  const bulk = runs.flatMap((run) => (run.markAll ? [run.markAll] : []))
  return {
    dialogs: options.dialogs,
    runs,
    firstScreen: summarize(runs.map((run) => run.firstScreen.total)),
    markOne: summarize(runs.map((run) => run.markOne.writes)),
    markOneTotal: summarize(runs.map((run) => run.markOne.total)),
    markAll: summarize(bulk.map((run) => run.writes)),
    markAllTotal: summarize(bulk.map((run) => run.total)),
    markAllMs: summarize(bulk.map((run) => run.ms)),
    markAllCommands: summarize(bulk.map((run) => run.commands)),
    markAllDialogsChanged: summarize(bulk.map((run) => run.dialogsChanged)),
    rateLimited: summarize(runs.map((run) => run.rateLimited)),
    errorsShown: summarize(runs.map((run) => run.errorsShown)),
  }
}
