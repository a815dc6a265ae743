import * as control from '../../e2e/support/portal.ts'
import type { RequestCounts, TruthDialog } from '../../e2e/support/portal.ts'

export { control }
export type { RequestCounts }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits until the portal has seen no new REST request for `quietMs` (the app's follow-up
 * refetches included), then returns the counts. Gives up after `timeoutMs` and returns them anyway.
 */
export async function settledRequests(
  portalUrl: string,
  quietMs = 800,
  timeoutMs = 20_000,
): Promise<RequestCounts> {
  const deadline = Date.now() + timeoutMs
  let last = await control.requests(portalUrl)
  let stableSince = Date.now()
  while (Date.now() < deadline) {
    await sleep(100)
    const now = await control.requests(portalUrl)
    if (now.total !== last.total) {
      last = now
      stableSince = Date.now()
    } else if (Date.now() - stableSince >= quietMs) {
      return now
    }
  }
  return last
}

/** HTTP requests that change marks: plain calls plus the batches that carried a change. */
export const { writeRequests, WRITE_METHODS } = control

/** Changes sent, whichever way: commands inside batches plus single calls. */
export function writeCommands(counts: RequestCounts): number {
  return WRITE_METHODS.reduce(
    (sum, method) => sum + (counts.commands[method] ?? 0) + (counts.byMethod[method] ?? 0),
    0,
  )
}

/** What a bulk change can alter in a dialog the portal holds. */
export type DialogState = Pick<TruthDialog, 'id' | 'unread' | 'counter'>

/**
 * Dialogs the portal holds changed between two readings of its truth: the manual mark or the
 * unread counter differs. A dialog missing from either reading is no change of a dialog.
 */
export function dialogsChanged(
  before: readonly DialogState[],
  after: readonly DialogState[],
): number {
  const was = new Map(before.map((dialog) => [String(dialog.id), dialog]))
  return after.filter((dialog) => {
    const old = was.get(String(dialog.id))
    return old !== undefined && (old.unread !== dialog.unread || old.counter !== dialog.counter)
  }).length
}

export { sleep }
