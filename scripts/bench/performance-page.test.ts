import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PAGE, RESULTS, END, START, renderPage } from './performance-page.ts'
import type { BenchResults } from './results.ts'

describe('the figures of docs/performance.md', () => {
  it('are the ones in the committed bench/results.json (npm run bench:docs writes them)', async () => {
    const page = readFileSync(PAGE, 'utf8')
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
    expect(page).toContain(START)
    expect(page).toContain(END)
    expect(page).toBe(await renderPage(page, results))
  })

  it('change when the results change', async () => {
    const page = readFileSync(PAGE, 'utf8')
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
    results.bundle!.js.gzip += 10_000
    expect(await renderPage(page, results)).not.toBe(page)
  })
})
