import { cpus, loadavg } from 'node:os'
import type { BenchResults } from './results.ts'
import { round } from './stats.ts'

/**
 * Benchmarks belong on a quiet machine. The bench reads the 1-minute load average before and
 * after the run; when either is above half the cores, other work shared the machine with the
 * measurements, and the run says so in results.json, on stdout and in docs/performance.md.
 */

export interface LoadReading {
  /** os.loadavg()[0]: runnable processes, averaged over the last minute. */
  loadAverage: number
  cores: number
}

export function readLoad(): LoadReading {
  return { loadAverage: round(loadavg()[0] ?? 0, 2), cores: cpus().length }
}

export const describeLoad = (when: 'before' | 'after', reading: LoadReading): string =>
  `… 1-minute load average ${reading.loadAverage.toFixed(2)} on ${reading.cores} cores, ${when} the run`

/** What results.json records: both load figures, and whether either was above half the cores. */
export function loadFigures(
  before: LoadReading,
  after: LoadReading,
): Pick<BenchResults, 'load' | 'underLoad'> {
  const cores = Math.min(before.cores, after.cores)
  return {
    load: { before: before.loadAverage, after: after.loadAverage, cores },
    underLoad: Math.max(before.loadAverage, after.loadAverage) > cores / 2,
  }
}

/** The visible line for a run taken under load; null for a quiet run (or one from before). */
export function underLoadNote(results: Pick<BenchResults, 'load' | 'underLoad'>): string | null {
  const { load } = results
  // Files written before the load was recorded have neither field.
  if (results.underLoad !== true || !load) return null
  return (
    `Taken under load: the 1-minute load average was ${load.before} before the run and ` +
    `${load.after} after it, on ${load.cores} cores (above half of them counts as load), so ` +
    'its timings are not those of a quiet machine.'
  )
}
