import type { BundleReport } from './bundle.ts'
import type { ColdStartResult } from './cold-start.ts'
import type { NetworkResult } from './network.ts'
import type { ScaleResult } from './scale.ts'
import type { ToggleResult } from './toggle.ts'
import type { Check } from './budgets.ts'

/** Everything one bench run found: what bench/results.json holds. */
export interface BenchResults {
  generatedAt: string
  mode: 'full' | 'smoke'
  machine: { cpus: number; memoryGb: number; node: string; chromium: string }
  settings: Record<string, unknown>
  /**
   * The 1-minute load average (os.loadavg) before and after the run, on `cores` cores, and the
   * cores other processes kept busy on average during it (null without /proc; absent in older
   * files).
   */
  load: { before: number; after: number; cores: number; others?: number | null }
  /** Load before, or other processes during the run, above half the cores (see load.ts). */
  underLoad: boolean
  coldStart: ColdStartResult[] | null
  toggle: ToggleResult | null
  scale: ScaleResult | null
  network: NetworkResult | null
  bundle: BundleReport | null
  budgets: Check[]
  /** Sections that could not run, with why. */
  errors: { section: string; message: string }[]
}
