// The chaos suite: random user actions while the portal fails a fifth of the time.
// Short form in `npm test`; the long form is `npm run chaos` (CHAOS_ACTIONS=1000).
// Seeded: CHAOS_SEED replays the same actions, faults and targets (timing still varies).
//
// The oracle is the user's side of the story. What each dialog should end as is computed from
// the server's state before an action and the clicks the test made — never read from the app. A
// change may be lost only when the user was told: a failure message excuses the one action it
// names (a single change: that dialog and that direction, told after the action began; a bulk
// change: at most as many of its dialogs as the message says failed).
import { control, expect, launch, serverUnread, test, type AppHandle } from './support/fixtures.ts'
import type { FaultSpec } from './support/portal.ts'

const ACTIONS = Number(process.env.CHAOS_ACTIONS ?? 40)
const SEED = Number(process.env.CHAOS_SEED ?? 20261125)
const FAULT_RATE = 0.2
/** Below this share of planned actions actually performed, the run proves too little. */
const MIN_RAN = 0.9

/** mulberry32: a tiny deterministic PRNG, so a seed replays the same run. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  }
}

/**
 * The SDK repeats a call three times on network errors, 5xx and 503, so `times: 1` only tests the
 * SDK; `times: 4` reaches the app. `slow` faults are followed by clicks that cross the late answer.
 */
const FAULTS: { name: string; slow?: boolean; spec: FaultSpec | 'expire-token' }[] = [
  {
    name: 'HTTP 500 past the retries',
    spec: { method: '*', kind: 'http', status: 500, times: 4 },
  },
  {
    name: 'answer dropped after the change was made, past the retries',
    spec: { method: '*', kind: 'drop-answer', times: 4 },
  },
  {
    name: 'slow portal: the change lands 4 s late',
    slow: true,
    spec: { method: '*', kind: 'stall', ms: 4_000, times: 2 },
  },
  { name: 'result:false', spec: { method: 'im.recent.unread', kind: 'result-false' } },
  {
    name: 'late answer: the change is made, its answer comes 3 s later',
    slow: true,
    spec: { method: '*', kind: 'hold', ms: 3_000, times: 2 },
  },
  {
    name: '503 QUERY_LIMIT_EXCEEDED past the retries',
    spec: { method: '*', kind: 'http', status: 503, times: 4 },
  },
  { name: 'request dropped, past the retries', spec: { method: '*', kind: 'drop', times: 4 } },
  { name: '401 expired_token', spec: 'expire-token' },
  {
    name: 'one command of a batch fails',
    spec: { method: 'im.recent.unread', kind: 'http', status: 500 },
  },
  { name: 'HTTP 500 once (the SDK retries)', spec: { method: '*', kind: 'http', status: 500 } },
]

const FILTER_NAMES = ['All', 'Unread', 'Direct', 'Chats', 'Open lines']
const FAILED = /^Could not mark “(.*)” as (read|unread): /
/** A single change's message (the one whose Undo a toggle offers). */
const MARKED = /^Marked “.*” as (read|unread)$/
// "unread again": an Undo after a read that read messages brings back the mark, not the count.
const BULK_MESSAGE = /changed|Nothing to change|Cancelled|unread again/

interface Report {
  /** Order of appearance. */
  seq: number
  text: string
  /** The message's id (messages), or null for a row's own alert. */
  toastId: string | null
  rowId: string | null
  error: boolean
  undo: boolean
}

/**
 * Records, inside the app frame, every message and row alert the user was shown, in order, and
 * every click the browser delivered (`toggle:ID`, `select:ID`, `undo:MESSAGE`, `bulk:read|unread`):
 * what the user did, taken at the input, before the app sees it. Playwright may give up on a click
 * that the page still receives, so the clicks it reports are not the ones that happened.
 */
function watchUser() {
  const w = window as unknown as { __reports?: Report[]; __inputs?: string[] }
  if (w.__reports) return
  const reports: Report[] = []
  w.__reports = reports
  const inputs: string[] = []
  w.__inputs = inputs
  window.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null
      const button = target?.closest('button, input')
      const row = button?.closest('[data-dialog-id]')?.getAttribute('data-dialog-id')
      const toast = button?.closest<HTMLElement>('.toast')
      const name = button?.getAttribute('aria-label') ?? button?.textContent ?? ''
      const bulk = /^Mark selected as (read|unread)/.exec(name)
      if (row && button?.matches('.dialog-row__toggle')) inputs.push(`toggle:${row}`)
      else if (row && button?.matches('.dialog-row__select')) inputs.push(`select:${row}`)
      else if (toast && button?.textContent === 'Undo') inputs.push(`undo:${toast.dataset.toastId}`)
      else if (bulk) inputs.push(`bulk:${bulk[1]}`)
    },
    true,
  )
  const seenToasts = new Set<string>()
  const rowText = new Map<string, string>()
  const note = () => {
    for (const toast of document.querySelectorAll<HTMLElement>('.toast')) {
      const id = toast.dataset.toastId ?? ''
      if (seenToasts.has(id)) continue
      seenToasts.add(id)
      reports.push({
        seq: reports.length,
        text: toast.querySelector('.toast__text')?.textContent ?? '',
        toastId: id,
        rowId: null,
        error: toast.classList.contains('toast--error'),
        undo: [...toast.querySelectorAll('button')].some((b) => b.textContent === 'Undo'),
      })
    }
    for (const alert of document.querySelectorAll('[data-dialog-id] [role="alert"]')) {
      const rowId = alert.closest('[data-dialog-id]')?.getAttribute('data-dialog-id') ?? ''
      const text = alert.querySelector('span')?.textContent ?? ''
      if (rowText.get(rowId) === text) continue
      rowText.set(rowId, text)
      reports.push({ seq: reports.length, text, toastId: null, rowId, error: true, undo: false })
    }
  }
  new MutationObserver(note).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  })
}

/** One thing the user did, and what it should leave on the server. */
interface Action {
  n: number
  kind: 'filter' | 'toggle' | 'bulk' | 'undo' | 'bulk-undo'
  /** Reports from this seq on may speak of this action. */
  fromSeq: number
  /** Dialog → the state the user asked for. */
  wishes: Map<string, boolean>
  /** Dialog → the state the oracle expected before the action (what Undo goes back to). */
  before: Map<string, boolean>
  /** The message that offers Undo for this action, if one did. */
  toastId: string | null
  /** A bulk change's message said this many of its dialogs could not be changed. */
  bulkFailed: number
  /** A failure of an earlier action on the same dialog was told while the clicks were made. */
  ambiguous: boolean
}

test('chaos: random actions under 20% faults end with the screen equal to the server', async ({
  page,
  portalUrl,
}) => {
  test.setTimeout(120_000 + ACTIONS * 4_000)
  const rng = random(SEED)
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    // Failed requests are logged by the browser itself; the app must not log errors of its own.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text())
    }
  })
  await page.addInitScript(watchUser)
  const app: AppHandle = await launch(page)
  await expect(app.rows.first()).toBeVisible({ timeout: 30_000 })
  const appFrame = () => page.frames().find((f) => f !== page.mainFrame())!

  const titles = new Map(
    (await control.truth(portalUrl)).dialogs.map((d) => [String(d.id), d.title]),
  )
  /** The oracle: what each dialog should be, from the server's start and the user's actions. */
  const expected = await serverUnread(portalUrl)
  /** Dialogs whose last action was told as failed: the server decides what they are now. */
  const uncertain = new Set<string>()
  const lastAction = new Map<string, Action>()
  const actions: Action[] = []
  const kinds: Record<string, number> = {}
  let faultsInjected = 0
  /** What the test did, step by step, for the story of a diverging row. */
  const steps: string[] = []
  const log = (text: string) => steps.push(`${new Date().toISOString()} ${text}`)

  const reports = async () =>
    ((await appFrame().evaluate(
      () => (window as unknown as { __reports?: Report[] }).__reports ?? [],
    )) ?? []) as Report[]

  /** The clicks the page received since `from` (after letting queued input through). */
  const inputs = async (from = 0) =>
    (
      (await appFrame().evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
        return (window as unknown as { __inputs?: string[] }).__inputs ?? []
      })) as string[]
    ).slice(from)

  /** Does a report told from `fromSeq` on say that this dialog's change to `unread` failed? */
  const toldFailed = (all: Report[], id: string, unread: boolean, fromSeq: number) =>
    all.some((report) => {
      if (report.seq < fromSeq) return false
      const failed = FAILED.exec(report.text)
      if (!failed || (failed[2] === 'unread') !== unread) return false
      return report.rowId === null ? failed[1] === titles.get(id) : report.rowId === id
    })

  const attempt = async (action: () => Promise<unknown>) => {
    try {
      await action()
      return true
    } catch {
      return false
    }
  }

  /**
   * No change on its way and no refresh running: the rows show what the app knows. Rows scrolled
   * out of view count too (a change made under another filter may still be on its way there), so
   * the whole list is walked.
   */
  const quiet = async () => {
    await expect
      .poll(
        async () => {
          if (await app.frame.locator('.dialog-scroll[aria-busy="true"]').count()) return 'busy'
          const pending = (await app.allRowsWith('pending')).filter(([, value]) => value)
          return pending.length ? `pending ${pending.map(([id]) => id).join(' ')}` : 'quiet'
        },
        { timeout: 120_000, intervals: [250, 500, 1_000] },
      )
      .toBe('quiet')
  }

  /** Before acting on dialogs whose last change failed, the oracle takes the server's word. */
  const resolve = async (ids: string[]) => {
    if (!ids.some((id) => uncertain.has(id))) return
    await quiet()
    const truth = await serverUnread(portalUrl)
    for (const id of ids) {
      if (!uncertain.delete(id)) continue
      expected.set(id, truth.get(id) ?? false)
    }
  }

  /** Failures told since an action began turn its dialogs over to the server's word. */
  const noteFailures = async () => {
    const all = await reports()
    for (const [id, action] of lastAction) {
      const wish = action.wishes.get(id)
      if (wish !== undefined && toldFailed(all, id, wish, action.fromSeq)) uncertain.add(id)
    }
    return all
  }

  const begin = (kind: Action['kind'], fromSeq: number): Action => ({
    n: actions.length,
    kind,
    fromSeq,
    wishes: new Map(),
    before: new Map(),
    toastId: null,
    bulkFailed: 0,
    ambiguous: false,
  })

  const commit = (action: Action) => {
    actions.push(action)
    kinds[action.kind] = (kinds[action.kind] ?? 0) + 1
    for (const [id, wish] of action.wishes) {
      expected.set(id, wish)
      lastAction.set(id, action)
      uncertain.delete(id)
    }
  }

  /** Waits for the message of a bulk change (or its Undo) that appeared from `fromSeq` on. */
  const bulkMessage = async (fromSeq: number) => {
    let found: Report | undefined
    await expect
      .poll(
        async () => {
          found = (await reports()).find((r) => r.seq >= fromSeq && BULK_MESSAGE.test(r.text))
          return found !== undefined
        },
        { timeout: 90_000 },
      )
      .toBe(true)
    const failed = /^(\d+) of \d+ could not be changed/.exec(found!.text)
    return { toastId: found!.undo ? found!.toastId : null, failed: failed ? Number(failed[1]) : 0 }
  }

  /**
   * Records a bulk change's outcome from its message. "k of n could not be changed" does not say
   * which: the server decides each of its dialogs from now on.
   */
  const settleBulk = async (action: Action, fromSeq: number) => {
    const message = await bulkMessage(fromSeq)
    action.toastId = message.toastId
    action.bulkFailed = message.failed
    commit(action)
    if (action.bulkFailed > 0) for (const id of action.wishes.keys()) uncertain.add(id)
  }

  const visibleRows = async () =>
    (await app.rows.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-dialog-id')),
    )) as string[]

  const switchFilter = async () =>
    attempt(async () => {
      await app.frame
        .getByRole('button', { name: rng.pick(FILTER_NAMES), exact: true })
        .click({ timeout: 5_000 })
      await page.waitForTimeout(150)
    })

  /** Clicks a row's toggle `clicks` times; the wish is the oracle's state flipped per click. */
  const toggle = async (id: string, clicks: number, pauseMs: number) => {
    await noteFailures()
    await resolve([id])
    const action = begin('toggle', (await reports()).length)
    const from = (await inputs()).length
    const button = app.row(id).getByRole('button', { name: /^Mark as/ })
    for (let i = 0; i < clicks; i++) {
      if (i > 0 && pauseMs > 0) await page.waitForTimeout(pauseMs)
      if (!(await attempt(() => button.click({ timeout: 2_000 })))) break
    }
    // Every toggle click the page received counts, whichever row it reached.
    const received = new Map<string, number>()
    for (const input of await inputs(from)) {
      const [kind, row] = input.split(':') as [string, string]
      if (kind === 'toggle') received.set(row, (received.get(row) ?? 0) + 1)
    }
    log(`toggle ${id}: ${clicks} clicks asked, received ${JSON.stringify([...received])}`)
    if (received.size === 0) return false
    for (const [row, clicked] of received) {
      const start = expected.get(row) ?? false
      action.wishes.set(row, clicked % 2 === 1 ? !start : start)
      action.before.set(row, clicked % 2 === 1 ? start : !start) // what the last click's Undo restores
    }
    const all = await reports()
    const own = all
      .filter((r) => r.seq >= action.fromSeq && r.undo)
      .findLast((r) => r.text.includes(`“${titles.get(id) ?? ''}”`))
    // A click that strayed to another row leaves it unclear which change the last Undo would undo.
    action.toastId = received.size === 1 ? (own?.toastId ?? null) : null
    // A change of this dialog failed while the user clicked (an earlier action's, or one of these
    // very clicks): the row was rolled back under the cursor, so the clicks after it started from
    // a state the count of clicks does not tell.
    action.ambiguous = all.some(
      (r) =>
        r.seq >= action.fromSeq &&
        FAILED.test(r.text) &&
        (r.rowId === id || r.text.includes(`“${titles.get(id) ?? ''}”`)),
    )
    commit(action)
    return true
  }

  const bulk = async (picked: string[], unread: boolean) => {
    await noteFailures()
    await resolve(picked)
    const action = begin('bulk', (await reports()).length)
    const from = (await inputs()).length
    for (const id of picked)
      await attempt(() => app.row(id).getByRole('checkbox').click({ timeout: 2_000 }))
    // The selection starts empty (a bulk change, Esc and a filter switch all clear it); each
    // checkbox click the page received flips one row in or out.
    const selected = new Set<string>()
    for (const input of await inputs(from)) {
      const [kind, row] = input.split(':') as [string, string]
      if (kind === 'select' && !selected.delete(row)) selected.add(row)
    }
    const checked = [...selected]
    const fromSeq = (await reports()).length
    const button = app.frame.getByRole('button', {
      name: unread ? /^Mark selected as unread/ : /^Mark selected as read/,
    })
    const sentFrom = (await inputs()).length
    if (checked.length > 0) await attempt(() => button.click({ timeout: 2_000 }))
    const sent = (await inputs(sentFrom)).some((input) => input.startsWith('bulk:'))
    log(`bulk ${unread ? 'unread' : 'read'}: checked ${checked.join(' ')} of ${picked.join(' ')}`)
    if (!sent) {
      log('bulk: not sent')
      await page.keyboard.press('Escape') // drop a half-made selection
      return false
    }
    for (const id of checked) {
      action.before.set(id, expected.get(id) ?? false)
      action.wishes.set(id, unread)
    }
    await settleBulk(action, fromSeq)
    return true
  }

  /** Undo on the message of an earlier action, while it is offered. */
  const undo = async () => {
    const all = await reports()
    const offered = all.findLast((r) => r.toastId !== null)
    const target = offered?.undo && actions.findLast((a) => a.toastId === offered.toastId)
    if (!offered || !target) return false
    const fromSeq = all.length
    const button = app.frame
      .locator(`.toast[data-toast-id="${offered.toastId}"]`)
      .getByRole('button', { name: 'Undo' })
    const from = (await inputs()).length
    await attempt(() => button.click({ timeout: 1_000 }))
    const clicked = (await inputs(from)).includes(`undo:${offered.toastId}`)
    log(
      `undo of action ${target.n} (message ${offered.toastId}): ${clicked ? 'clicked' : 'missed'}`,
    )
    if (!clicked) return false
    const action = begin(target.kind === 'toggle' ? 'undo' : 'bulk-undo', fromSeq)
    // A toggle's Undo restores what its own message says was done. After quick clicks the message
    // on screen can still be an earlier click's (the last one not yet confirmed), and its Undo
    // restores the opposite of what the last click's would.
    const told = target.kind === 'toggle' ? MARKED.exec(offered.text) : null
    for (const [id, before] of target.before) {
      action.before.set(id, expected.get(id) ?? false)
      action.wishes.set(id, told ? told[1] === 'read' : before)
    }
    if (action.kind === 'bulk-undo') await settleBulk(action, fromSeq)
    else commit(action)
    return true
  }

  let slowFault = false
  for (let step = 0; step < ACTIONS; step++) {
    if (rng.next() < FAULT_RATE) {
      // Each kind once, in this order, then at random: even the short run meets the first ones.
      const fault = faultsInjected < FAULTS.length ? FAULTS[faultsInjected]! : rng.pick(FAULTS)
      faultsInjected++
      slowFault = fault.slow === true
      log(`fault: ${fault.name}`)
      if (fault.spec === 'expire-token') await control.setAuth(portalUrl, { expireNow: true })
      else await control.injectFault(portalUrl, fault.spec)
    }
    const rows = await visibleRows()
    const roll = rng.next()
    const target = rows[rng.int(Math.min(rows.length, 12))]
    if (rows.length === 0 || roll < 0.12) {
      if (await switchFilter()) commit(begin('filter', 0))
      continue
    }
    let ran: boolean
    if (slowFault) {
      // Clicks that cross a slow answer: the second one is made while the first is on its way.
      slowFault = false
      ran = await toggle(target!, 2 + rng.int(2), 700)
    } else if (roll < 0.5) {
      ran = await toggle(target!, roll < 0.38 ? 1 : 2 + rng.int(5), 0)
    } else if (roll < 0.8) {
      const picked = [
        ...new Set(Array.from({ length: 2 + rng.int(5) }, () => rows[rng.int(rows.length)]!)),
      ]
      ran = await bulk(picked, rng.next() < 0.5)
    } else {
      // Undo when one is offered; otherwise the user toggles instead.
      ran = (await undo()) || (await toggle(target!, 1, 0))
    }
    if (!ran) await noteFailures()
  }

  // Settle: no more faults, every change answered, the full list shown.
  await control.clearFaults(portalUrl)
  await app.frame.getByRole('button', { name: 'All', exact: true }).click()
  await quiet()

  const truth = await serverUnread(portalUrl)
  const screen = await app.allRows()
  const divergences = screen.filter(([id, unread]) => String(truth.get(id)) !== unread)

  const all = await reports()
  const told: string[] = []
  const ambiguous: string[] = []
  const lost: string[] = []
  const bulkExcused = new Map<Action, number>()
  for (const [id, action] of lastAction) {
    const wish = action.wishes.get(id)!
    if (truth.get(id) === wish) continue
    if (action.ambiguous) ambiguous.push(id)
    else if (toldFailed(all, id, wish, action.fromSeq)) told.push(id)
    else if ((bulkExcused.get(action) ?? 0) < action.bulkFailed) {
      bulkExcused.set(action, (bulkExcused.get(action) ?? 0) + 1)
      told.push(id)
    } else lost.push(id)
  }
  const requests = await control.requests(portalUrl)
  const acted = new Set(actions.flatMap((a) => [...a.wishes.keys()]))
  const untouchedButSent = requests.unreadDialogIds.filter((id) => !acted.has(id))
  const { hits, expiredTokensRefused } = await control.faultHits(portalUrl)
  const faultsHit = Object.values(hits).reduce((sum, n) => sum + n, 0) + expiredTokensRefused

  console.log(
    `chaos: seed ${SEED}, actions planned ${ACTIONS}, performed ${actions.length} ` +
      `(${Object.entries(kinds)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}), faults injected ${faultsInjected}, faults that reached a request ` +
      `${faultsHit} (${Object.entries(hits)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}, expired tokens refused ${expiredTokensRefused}), dialogs acted on ` +
      `${acted.size}, divergences ${divergences.length}, losses told to the user ${told.length}, ` +
      `unreported losses ${lost.length}, changes made while an earlier failure was told ` +
      `${ambiguous.length}, requests for untouched dialogs ${untouchedButSent.length}, ` +
      `console errors ${consoleErrors.length}`,
  )
  const story = (id: string) => ({
    id,
    title: titles.get(id),
    screen: screen.find(([row]) => row === id)?.[1],
    server: truth.get(id),
    expected: expected.get(id),
    actions: actions
      .filter((a) => a.wishes.has(id))
      .map((a) => ({
        n: a.n,
        kind: a.kind,
        wish: a.wishes.get(id),
        bulkFailed: a.bulkFailed || undefined,
      })),
    reports: all.filter((r) => r.rowId === id || r.text.includes(`“${titles.get(id) ?? ''}”`)),
  })
  if (divergences.length || lost.length) {
    // The portal's side of the story: every REST answer that named the dialog, oldest first.
    const { entries } = (await (await fetch(new URL('/portal-api/log', portalUrl))).json()) as {
      entries: { at: string; method: string; params?: unknown; status?: number; error?: string }[]
    }
    const served = (id: string) =>
      entries
        .filter((entry) => new RegExp(`\\b${id}\\b`).test(JSON.stringify(entry.params ?? '')))
        .reverse()
        .map((e) => `${e.at} ${e.method} ${JSON.stringify(e.params)} → ${e.status ?? e.error}`)
    console.log(
      'chaos details',
      JSON.stringify(
        [...divergences.map(([id]) => id), ...lost].map((id) => ({
          ...story(id),
          served: served(id),
          steps: steps.filter((line) => line.includes(id) || / fault: | undo /.test(line)),
        })),
        null,
        1,
      ),
    )
  }
  expect(screen.length).toBe(truth.size)
  expect(divergences).toEqual([])
  expect(lost).toEqual([])
  expect(untouchedButSent).toEqual([])
  expect(consoleErrors).toEqual([])
  expect(actions.length, 'share of the planned actions performed').toBeGreaterThanOrEqual(
    Math.ceil(ACTIONS * MIN_RAN),
  )
})
