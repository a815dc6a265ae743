/** A figure measured over several runs: what the report prints and the budgets compare. */
export interface Summary {
  runs: number
  median: number
  min: number
  max: number
  p95: number
  /** Every sample, in run order, so results.json can be re-analysed later. */
  samples: number[]
}

/** Nearest-rank percentile: with few samples it reports a value that was really measured. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

export function summarize(samples: readonly number[]): Summary | null {
  const clean = samples.filter((value) => Number.isFinite(value))
  if (clean.length === 0) return null
  const sorted = [...clean].sort((a, b) => a - b)
  const at = (index: number) => sorted[index] ?? Number.NaN
  const middle = sorted.length >> 1
  const median = sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2
  return {
    runs: clean.length,
    median: round(median),
    min: round(at(0)),
    max: round(at(sorted.length - 1)),
    p95: round(percentile(sorted, 95)),
    samples: clean.map((value) => round(value)),
  }
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
