import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { README, RESULTS, END, START, renderReadme } from './readme.ts'
import type { BenchResults } from './results.ts'

describe('README performance figures', () => {
  it('are the ones in the committed bench/results.json (npm run bench:readme writes them)', async () => {
    const readme = readFileSync(README, 'utf8')
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
    expect(readme).toContain(START)
    expect(readme).toContain(END)
    expect(readme).toBe(await renderReadme(readme, results))
  })

  it('change when the results change', async () => {
    const readme = readFileSync(README, 'utf8')
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
    results.bundle!.js.gzip += 10_000
    expect(await renderReadme(readme, results)).not.toBe(readme)
  })
})
