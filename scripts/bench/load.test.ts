import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadFigures, othersCores, readLoad, underLoadNote, type LoadReading } from './load.ts'
import { RESULTS, renderFigures } from './performance-page.ts'
import { renderReport } from './report.ts'
import type { BenchResults } from './results.ts'

/**
 * A reading on 2 cores; `busy` and `bench` are the seconds of CPU time the machine and the
 * bench's process tree had used by then, `at` the second it was taken.
 */
const on2Cores = (loadAverage: number, cpu?: { at: number; busy: number; bench: number }) => ({
  loadAverage,
  cores: 2,
  cpu: cpu ? { atMs: cpu.at * 1000, machineBusy: cpu.busy * 100, bench: cpu.bench * 100 } : null,
})

/** The committed run, as taken at the given figures. */
function takenAt(before: LoadReading, after: LoadReading): BenchResults {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
  return { ...results, ...loadFigures(before, after) }
}

describe('a run taken under load', () => {
  it('is one that started above half the cores, or beside others using more than half', () => {
    // Started busy.
    expect(loadFigures(on2Cores(1.3), on2Cores(0.2))).toEqual({
      load: { before: 1.3, after: 0.2, cores: 2, others: null },
      underLoad: true,
    })
    // 100 s in which the bench used 150 s of CPU and the machine 160 s: others 0.1 cores.
    const quiet = loadFigures(
      on2Cores(0.2, { at: 0, busy: 0, bench: 0 }),
      on2Cores(1.9, { at: 100, busy: 160, bench: 150 }),
    )
    expect(quiet).toEqual({
      load: { before: 0.2, after: 1.9, cores: 2, others: 0.1 },
      underLoad: false,
    })
    // The same bench beside a build that kept a core and a half busy.
    const shared = loadFigures(
      on2Cores(0.2, { at: 0, busy: 0, bench: 0 }),
      on2Cores(3.4, { at: 100, busy: 300, bench: 150 }),
    )
    expect(shared.load.others).toBe(1.5)
    expect(shared.underLoad).toBe(true)
    expect(
      loadFigures({ ...on2Cores(3), cores: 8 }, { ...on2Cores(3.9), cores: 8 }).underLoad,
    ).toBe(false)
  })

  it('reads the machine: CPU this process burns counts as the bench’s, not as others’', () => {
    const before = readLoad()
    if (!before.cpu) return // no /proc: nothing to read on this machine
    const until = Date.now() + 300
    let spin = 0
    while (Date.now() < until) spin++
    const after = readLoad()
    expect(spin).toBeGreaterThan(0)
    // 0.3 s of busy loop: about 30 ticks of the bench's own time.
    expect(after.cpu!.bench - before.cpu.bench).toBeGreaterThanOrEqual(20)
    expect(after.cpu!.machineBusy - before.cpu.machineBusy).toBeGreaterThanOrEqual(20)
    expect(othersCores(before, after)).not.toBeNull()
  })

  it('says "taken under load", with its figures, in the docs table and on stdout', () => {
    const busy = takenAt(
      on2Cores(0.3, { at: 0, busy: 0, bench: 0 }),
      on2Cores(2.7, { at: 100, busy: 300, bench: 150 }),
    )
    for (const text of [renderFigures(busy), renderReport(busy)]) {
      expect(text).toMatch(/taken under load/i)
      expect(text).toContain('0.3 before the run and 2.7 after it')
      expect(text).toContain('other processes kept 1.5 of them busy')
    }
  })

  it('says nothing of load for a quiet run, or for one from before load was recorded', () => {
    const quiet = takenAt(
      on2Cores(0.3, { at: 0, busy: 0, bench: 0 }),
      on2Cores(2.1, { at: 100, busy: 170, bench: 160 }),
    )
    const older = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
    for (const results of [quiet, older]) {
      expect(underLoadNote(results)).toBeNull()
      expect(renderFigures(results)).not.toMatch(/under load/i)
      expect(renderReport(results)).not.toMatch(/under load/i)
    }
  })
})
