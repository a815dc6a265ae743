import { readFileSync, readdirSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { BenchResults } from './results.ts'
import { round } from './stats.ts'

/**
 * Benchmarks belong on a quiet machine. The bench prints the 1-minute load average before and
 * after the run. The one after counts the bench's own Chromium too (it keeps both cores busy for
 * minutes), so it cannot say whether anything else ran. What does: the CPU time the whole machine
 * spent during the run (/proc/stat) less the time of the bench and every process it started
 * (/proc/<pid>/stat of its process tree, reaped children included). A run that started with a
 * load average above half the cores, or during which other processes used more than half the
 * cores on average, shared the machine: results.json, stdout and docs/performance.md say so.
 */

/** Clock ticks (USER_HZ) of CPU time: busy time of the whole machine, and of the bench's tree. */
interface CpuTicks {
  atMs: number
  machineBusy: number
  bench: number
}

export interface LoadReading {
  /** os.loadavg()[0]: runnable processes, averaged over the last minute. */
  loadAverage: number
  cores: number
  /** Null where /proc cannot be read (not Linux). */
  cpu: CpuTicks | null
}

/** USER_HZ, the unit of /proc's CPU times: 100 on every Linux the bench runs on. */
const TICKS_PER_SECOND = 100

/** utime + stime + cutime + cstime, and the parent, from a /proc/<pid>/stat line. */
function processTicks(stat: string): { ppid: number; ticks: number } {
  // The command name (in parentheses) may hold spaces: the fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0)
  return { ppid: Number(fields[1]), ticks }
}

/** The CPU time of this process, its children it has reaped, and every live descendant. */
function treeTicks(root: number): number {
  const processes = new Map<number, { ppid: number; ticks: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      processes.set(Number(name), processTicks(readFileSync(`/proc/${name}/stat`, 'utf8')))
    } catch {
      // It ended between the listing and the read: its time is in its parent's reaped total.
    }
  }
  let total = 0
  const queue = [root]
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    total += processes.get(pid)?.ticks ?? 0
    for (const [child, { ppid }] of processes) if (ppid === pid) queue.push(child)
  }
  return total
}

/** Every tick the machine's CPUs were not idle (nor waiting on the disk). */
function machineBusyTicks(): number {
  const [, ...times] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/)
  const [user, nice, system, , , irq, softirq, steal] = times.map(Number)
  return [user, nice, system, irq, softirq, steal].reduce<number>((sum, t) => sum + (t ?? 0), 0)
}

function readCpu(): CpuTicks | null {
  try {
    return { atMs: Date.now(), machineBusy: machineBusyTicks(), bench: treeTicks(process.pid) }
  } catch {
    return null
  }
}

export function readLoad(): LoadReading {
  return { loadAverage: round(loadavg()[0] ?? 0, 2), cores: cpus().length, cpu: readCpu() }
}

/** Cores that processes outside the bench kept busy on average between the two readings. */
export function othersCores(before: LoadReading, after: LoadReading): number | null {
  if (!before.cpu || !after.cpu || after.cpu.atMs <= before.cpu.atMs) return null
  const others =
    after.cpu.machineBusy - before.cpu.machineBusy - (after.cpu.bench - before.cpu.bench)
  const seconds = (after.cpu.atMs - before.cpu.atMs) / 1000
  return round(Math.max(0, others) / TICKS_PER_SECOND / seconds, 2)
}

export const describeLoad = (when: 'before' | 'after', reading: LoadReading): string =>
  `… 1-minute load average ${reading.loadAverage.toFixed(2)} on ${reading.cores} cores, ${when} the run`

export const describeOthers = (cores: number | null, of: number): string =>
  cores === null
    ? '… the CPU time of other processes could not be read (no /proc)'
    : `… other processes kept ${cores.toFixed(2)} of ${of} cores busy on average during the run`

/** What results.json records: the load figures, and whether the run shared the machine. */
export function loadFigures(
  before: LoadReading,
  after: LoadReading,
): Pick<BenchResults, 'load' | 'underLoad'> {
  const cores = Math.min(before.cores, after.cores)
  const others = othersCores(before, after)
  return {
    load: { before: before.loadAverage, after: after.loadAverage, cores, others },
    underLoad: before.loadAverage > cores / 2 || (others ?? 0) > cores / 2,
  }
}

/** The visible line for a run taken under load; null for a quiet run (or one from before). */
export function underLoadNote(results: Pick<BenchResults, 'load' | 'underLoad'>): string | null {
  const { load } = results
  // Files written before the load was recorded have neither field.
  if (results.underLoad !== true || !load) return null
  const others =
    load.others === undefined || load.others === null
      ? ''
      : `, and other processes kept ${load.others} of them busy on average during it`
  return (
    `Taken under load: the 1-minute load average was ${load.before} before the run and ` +
    `${load.after} after it (the bench's own Chromium included), on ${load.cores} cores${others} ` +
    '(above half of the cores counts as load), so its timings are not those of a quiet machine.'
  )
}
