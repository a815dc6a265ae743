import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame } from '@playwright/test'

/*
 * axe-core (the engine of @axe-core/playwright) run inside the app's own document. AxeBuilder
 * analyses the top page and reaches into cross-origin frames only through its frame messenger,
 * which also audits the portal page around the app; injecting axe into the app's frame and
 * running it there audits exactly the app. All of axe's rules run (WCAG 2.0–2.2 A/AA and best
 * practices), and the test wants zero violations.
 */
const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

export async function audit(frame: Frame): Promise<Violation[]> {
  await frame.evaluate(AXE_SOURCE)
  return frame.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[]; failureSummary?: string }[]
      }[]
    }
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }))
  })
}
