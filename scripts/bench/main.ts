// `npm run bench` (full: 5+ runs per figure, every budget enforced) and `npm run bench -- --smoke`
// (one quick run at small sizes — what CI runs: bytes, requests and rows enforced, timings reported).
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { brokenBudgets, checkBudgets } from './budgets.ts'
import { buildApp, measureBundle } from './bundle.ts'
import { measureColdStart } from './cold-start.ts'
import { startHarness } from './harness.ts'
import {
  describeLoad,
  describeOthers,
  loadFigures,
  othersCores,
  readLoad,
  type LoadReading,
} from './load.ts'
import { measureNetwork } from './network.ts'
import { PAGE, RESULTS, updatePage } from './performance-page.ts'
import { renderReport, writeResults } from './report.ts'
import type { BenchResults } from './results.ts'
import { measureScale } from './scale.ts'
import { buildStackFloor } from './stack-floor/build.ts'
import { measureToggle } from './toggle.ts'

const SECTIONS = ['bundle', 'cold-start', 'toggle', 'scale', 'network'] as const
type Section = (typeof SECTIONS)[number]

const REPO = fileURLToPath(new URL('../..', import.meta.url))

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    /** Another checkout to build and measure (its node_modules must be installed). */
    root: { type: 'string' },
    out: { type: 'string' },
  },
})

const smoke = args.smoke ?? false
const runs = Math.max(1, Number(args.runs ?? (smoke ? 1 : 5)))
const settings = smoke
  ? {
      runs,
      latencies: [0, 150],
      toggleClicks: 3,
      scale: { dialogs: 400, runs: 1, clicks: 2, timeoutMs: 20_000 },
      network: { dialogs: 200, runs: 1, timeoutMs: 20_000 },
    }
  : {
      runs,
      latencies: [0, 150],
      // A p95 over 20 clicks is the second-slowest click: 60 make it a figure, not an accident.
      toggleClicks: Math.max(60, runs),
      // One scroll through 20,000 dialogs is a long run; its figures are per run, and the toggle
      // at the bottom is clicked in the first run only.
      scale: { dialogs: 20_000, runs, clicks: Math.max(30, runs), timeoutMs: 300_000 },
      network: { dialogs: 2_000, runs, timeoutMs: 120_000 },
    }
const only = new Set(
  (args.only ?? SECTIONS.join(',')).split(',').map((name) => name.trim()) as Section[],
)
const root = resolve(args.root ?? REPO)
// Smoke runs never overwrite the committed figures.
const out = resolve(args.out ?? (smoke ? join(REPO, 'bench/tmp/results.smoke.json') : RESULTS))

const errors: BenchResults['errors'] = []
async function section<T>(name: Section, run: () => Promise<T>): Promise<T | null> {
  if (!only.has(name)) return null
  const started = Date.now()
  process.stdout.write(`… ${name}`)
  try {
    const result = await run()
    process.stdout.write(` (${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
    return result
  } catch (error) {
    process.stdout.write(' failed\n')
    errors.push({ section: name, message: error instanceof Error ? error.message : String(error) })
    return null
  }
}

// Figures are taken on a quiet machine: a run that started or ended busy says so.
const loadBefore = readLoad()
console.log(describeLoad('before', loadBefore))

const scratch = await mkdtemp(join(tmpdir(), 'unread-bench-'))
const distDir = join(scratch, 'dist')
let exitCode = 0
try {
  process.stdout.write(`… building ${root} for production\n`)
  await buildApp(root, distDir)
  const bundle = await section('bundle', () => measureBundle(distDir))
  // The cold start also measures what the SDK and React cost by themselves (stack-floor/).
  const stackDir = only.has('cold-start') ? join(scratch, 'stack-floor') : undefined
  if (stackDir) await buildStackFloor(stackDir)
  const harness = await startHarness(distDir, { stackDir })
  let loadAfter: LoadReading
  let partial: Omit<
    BenchResults,
    'budgets' | 'generatedAt' | 'mode' | 'machine' | 'settings' | 'load' | 'underLoad' | 'errors'
  >
  try {
    partial = {
      bundle,
      coldStart: await section('cold-start', () =>
        measureColdStart(harness, { runs, latencies: settings.latencies }),
      ),
      toggle: await section('toggle', () =>
        measureToggle(harness, { clicks: settings.toggleClicks }),
      ),
      scale: await section('scale', () => measureScale(harness, settings.scale)),
      network: await section('network', () => measureNetwork(harness, settings.network)),
    }
    // Read while the browser still runs: its processes' CPU time leaves the bench's process tree
    // when it closes (nothing reaps it into the bench's own total).
    loadAfter = readLoad()
  } finally {
    await harness.close()
  }
  console.log(describeLoad('after', loadAfter))
  console.log(describeOthers(othersCores(loadBefore, loadAfter), loadAfter.cores))
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    machine: {
      cpus: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
      chromium: harness.browserVersion,
    },
    settings,
    ...loadFigures(loadBefore, loadAfter),
    ...partial,
    budgets: [],
    errors,
  }
  results.budgets = checkBudgets(results)
  console.log(renderReport(results))
  await writeResults(out, results)
  console.log(`\nWrote ${out}`)
  if (out === RESULTS) {
    await updatePage(out)
    console.log(`Wrote its figures into ${PAGE}`)
  }
  if (errors.length > 0) exitCode = 1
  const broken = brokenBudgets(results.budgets, results.mode)
  if (broken.length > 0) {
    console.error(`\n${broken.length} budget(s) broken: ${broken.map((c) => c.figure).join('; ')}`)
    exitCode = 1
  }
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await rm(scratch, { recursive: true, force: true })
}
process.exit(exitCode)
