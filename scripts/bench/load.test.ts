import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadFigures, underLoadNote } from './load.ts'
import { RESULTS, renderFigures } from './performance-page.ts'
import { renderReport } from './report.ts'
import type { BenchResults } from './results.ts'

const on2Cores = (loadAverage: number) => ({ loadAverage, cores: 2 })

/** The committed run, as taken at the given 1-minute load averages on 2 cores. */
function takenAt(before: number, after: number): BenchResults {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
  return { ...results, ...loadFigures(on2Cores(before), on2Cores(after)) }
}

describe('a run taken under load', () => {
  it('is one whose load average before or after was above half the cores', () => {
    expect(loadFigures(on2Cores(1.3), on2Cores(0.2))).toEqual({
      load: { before: 1.3, after: 0.2, cores: 2 },
      underLoad: true,
    })
    expect(loadFigures(on2Cores(0.2), on2Cores(1.01)).underLoad).toBe(true)
    expect(loadFigures(on2Cores(0.4), on2Cores(1)).underLoad).toBe(false)
    expect(
      loadFigures({ loadAverage: 3, cores: 8 }, { loadAverage: 3.9, cores: 8 }).underLoad,
    ).toBe(false)
  })

  it('says "taken under load", with both figures, in the docs table and on stdout', () => {
    const busy = takenAt(0.3, 1.7)
    for (const text of [renderFigures(busy), renderReport(busy)]) {
      expect(text).toMatch(/taken under load/i)
      expect(text).toContain('0.3 before the run and 1.7 after it, on 2 cores')
    }
  })

  it('says nothing of load for a quiet run, or for one from before load was recorded', () => {
    const quiet = takenAt(0.3, 0.9)
    const older = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
    for (const results of [quiet, older]) {
      expect(underLoadNote(results)).toBeNull()
      expect(renderFigures(results)).not.toMatch(/under load/i)
      expect(renderReport(results)).not.toMatch(/under load/i)
    }
  })
})
