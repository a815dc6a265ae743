import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { format, resolveConfig } from 'prettier'
import type { Check } from './budgets.ts'
import { underLoadNote } from './load.ts'
import type { BenchResults } from './results.ts'
import type { Summary } from './stats.ts'

/** The human side of a bench run: tables on stdout, FAIL lines, and results.json. */

type Row = (string | number | null | undefined)[]

function table(title: string, header: string[], rows: Row[]): string {
  const cells = [header, ...rows.map((row) => row.map((cell) => (cell ?? '—').toString()))]
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  )
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '─'.repeat(width)).join('  ')
  return [`\n${title}`, line(header), rule, ...cells.slice(1).map(line)].join('\n')
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Math.round(value)}`
const spread = (summary: Summary | null | undefined) =>
  summary ? `${ms(summary.min)}–${ms(summary.max)}` : '—'
const kb = (bytes: number) => (bytes / 1000).toFixed(1)

function coldStartTable(results: BenchResults): string[] {
  if (!results.coldStart) return []
  const out = [
    table(
      'Cold start: launch form submitted → first dialog row painted (ms, fresh browser context; ' +
        'stack: the SDK and React alone, scripts/bench/stack-floor/)',
      [
        'REST latency',
        'app p50',
        'app min–max',
        'floor p50',
        'floor min–max',
        'app ÷ floor',
        'stack p50',
        'stack ÷ floor',
        'runs',
      ],
      results.coldStart.map((start) => [
        `${start.latencyMs} ms`,
        ms(start.app?.median),
        spread(start.app),
        ms(start.floor?.median),
        spread(start.floor),
        start.ratio,
        ms(start.stack?.median),
        start.stackRatio,
        start.app?.runs,
      ]),
    ),
  ]
  const steps = results.coldStart.flatMap((start) =>
    (['app', 'floor', 'stack'] as const).flatMap((site) => {
      const step = start.breakdown[site]
      if (!step) return []
      return [
        [
          `${start.latencyMs} ms`,
          site,
          ms(step.html),
          ms(step.scripts),
          ms(step.evaluated),
          ms(step.portalAnswered),
          ms(step.listSent),
          ms(step.listAnswered),
          ms(step.painted),
        ],
      ]
    }),
  )
  out.push(
    table(
      'Where it goes: p50 ms from the frame’s navigation start',
      [
        'REST',
        'page',
        'HTML',
        'scripts',
        'evaluated',
        'portal answered',
        'list sent',
        'list answered',
        'row painted',
      ],
      steps,
    ),
  )
  return out
}

function toggleTable(results: BenchResults): string[] {
  const rows: Row[] = []
  const add = (label: string, part: { clicks: Summary | null; script: Summary | null }) =>
    rows.push([
      label,
      ms(part.clicks?.median),
      ms(part.clicks?.p95),
      spread(part.clicks),
      ms(part.script?.median),
      ms(part.script?.p95),
      part.clicks?.runs,
    ])
  if (results.toggle) add(`${results.toggle.restLatencyMs} ms REST, first screen`, results.toggle)
  if (results.toggle?.floor)
    add('floor page (flips an attribute, nothing else)', {
      clicks: results.toggle.floor,
      script: null,
    })
  if (results.scale)
    add(`${results.toggle?.restLatencyMs ?? 1000} ms REST, bottom of ${results.scale.dialogs}`, {
      ...results.scale.toggleAtBottom,
    })
  if (rows.length === 0) return []
  return [
    table(
      'Toggle: click → row repainted in its new state (ms); "script" = click → DOM changed',
      ['where', 'p50', 'p95', 'min–max', 'script p50', 'script p95', 'clicks'],
      rows,
    ),
  ]
}

function scaleTable(results: BenchResults): string[] {
  const scale = results.scale
  if (!scale) return []
  const row = (label: string, summary: Summary | null) => [
    label,
    summary?.median,
    spread(summary),
    summary?.runs,
  ]
  const reached = scale.runs.filter((run) => run.completed).length
  return [
    table(
      `Scale: ${scale.dialogs} dialogs, scrolled to the end (reached in ${reached}/${scale.runs.length} runs)`,
      ['figure', 'p50', 'min–max', 'runs'],
      [
        row('rows in the DOM at the end', scale.rowsAtEnd),
        row('rows in the DOM, most at any time', scale.maxRows),
        row('JS heap after GC (MB)', scale.heapMb),
        row('longest task while scrolling (ms)', scale.longestTaskMs),
        row('time to reach the end (ms)', scale.loadMs),
      ],
    ),
    table(
      `The same scroll, cloud rate limit on (50 burst, 2/s): first row → the oldest dialog on screen`,
      ['figure', 'p50', 'min–max', 'runs'],
      [
        row('time to reach the end (ms)', scale.cloudLimit.loadMs),
        row('HTTP requests to /rest/ until then', scale.cloudLimit.requests),
        row('503 QUERY_LIMIT_EXCEEDED answered', scale.cloudLimit.rateLimited),
        row('errors shown to the user', scale.cloudLimit.errorsShown),
        row('longest task (ms)', scale.cloudLimit.longestTaskMs),
      ],
    ),
  ]
}

function networkTable(results: BenchResults): string[] {
  const network = results.network
  if (!network) return []
  return [
    table(
      `Network: ${network.dialogs} dialogs, cloud rate limit on (HTTP requests to /rest/)`,
      ['figure', 'p50', 'min–max', 'runs'],
      [
        ['to show the first screen', network.firstScreen?.median, spread(network.firstScreen)],
        ['to mark 1 dialog: writes', network.markOne?.median, spread(network.markOne)],
        [
          'to mark 1 dialog: all, refetch included',
          network.markOneTotal?.median,
          spread(network.markOneTotal),
        ],
        [
          `to mark ${network.dialogs} dialogs: writes`,
          network.markAll?.median,
          spread(network.markAll),
        ],
        [
          `to mark ${network.dialogs} dialogs: dialogs the portal changed`,
          network.markAllDialogsChanged?.median,
          spread(network.markAllDialogsChanged),
        ],
        [
          `to mark ${network.dialogs} dialogs: changes sent (commands)`,
          network.markAllCommands?.median,
          spread(network.markAllCommands),
        ],
        [
          `to mark ${network.dialogs} dialogs: all`,
          network.markAllTotal?.median,
          spread(network.markAllTotal),
        ],
        [
          `to mark ${network.dialogs} dialogs: ms until the portal has them all`,
          network.markAllMs?.median,
          spread(network.markAllMs),
        ],
        [
          '503 QUERY_LIMIT_EXCEEDED answered',
          network.rateLimited?.median,
          spread(network.rateLimited),
        ],
        ['errors shown to the user', network.errorsShown?.median, spread(network.errorsShown)],
      ].map((row) => [...row, network.runs.length]),
    ),
  ]
}

function bundleTable(results: BenchResults): string[] {
  const bundle = results.bundle
  if (!bundle) return []
  const total = bundle.packages.reduce((sum, item) => sum + item.gzip, 0)
  return [
    table(
      `Bundle, initial load (${bundle.initialFiles.join(', ')}), kB`,
      ['what', 'raw', 'gzip', 'share of gzip'],
      [
        ['initial JS', kb(bundle.js.raw), kb(bundle.js.gzip), ''],
        ['initial CSS', kb(bundle.css.raw), kb(bundle.css.gzip), ''],
        ...bundle.packages.map((item) => [
          `  ${item.name}`,
          kb(item.raw),
          kb(item.gzip),
          `${((item.gzip / total) * 100).toFixed(0)}%`,
        ]),
        ...bundle.lazyFiles.map((item) => [`lazy: ${item.file}`, kb(item.raw), kb(item.gzip), '']),
      ],
    ),
  ]
}

function budgetLines(checks: Check[], mode: BenchResults['mode']): string[] {
  const lines = [
    `\nBudgets${mode === 'full' ? '' : ' (smoke run: timings reported, not enforced)'}`,
  ]
  for (const item of checks) {
    const value = item.value === null ? 'n/a' : `${item.value}${item.unit ? ` ${item.unit}` : ''}`
    const limit = `≤ ${item.limit}${item.unit ? ` ${item.unit}` : ''}`
    const status = item.pass ? 'PASS' : mode === 'smoke' && item.timed ? 'over' : 'FAIL'
    lines.push(
      `${status} ${item.figure}: ${value} (budget ${limit})${item.note ? ` — ${item.note}` : ''}`,
    )
  }
  return lines
}

export function renderReport(results: BenchResults): string {
  const underLoad = underLoadNote(results)
  return [
    `Unread marks bench — ${results.mode}, ${results.machine.cpus} CPUs, Node ${results.machine.node}, Chromium ${results.machine.chromium}`,
    ...(underLoad ? [`\n!! ${underLoad}`] : []),
    ...coldStartTable(results),
    ...toggleTable(results),
    ...scaleTable(results),
    ...networkTable(results),
    ...bundleTable(results),
    ...budgetLines(results.budgets, results.mode),
    ...results.errors.map((error) => `ERROR ${error.section}: ${error.message}`),
  ].join('\n')
}

/** Written as Prettier would, so `prettier --check .` stays green on the committed file. */
export async function writeResults(path: string, results: BenchResults): Promise<void> {
  const options = (await resolveConfig(path)) ?? {}
  const text = await format(JSON.stringify(results), { ...options, filepath: path })
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}
