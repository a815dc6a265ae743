import { fileURLToPath } from 'node:url'

/**
 * probe.browser.js, installed into every document of a bench page (see that file). A function, so
 * that the probe's own tests can import this module under a DOM environment, where Vitest serves
 * `import.meta.url` over http.
 */
export const probePath = () => fileURLToPath(new URL('./probe.browser.js', import.meta.url))

/** What the probe writes to the console of a frame from `origin` once its first row is painted. */
export const firstRowMessage = (origin: string) => `bench:first-row ${origin}`

/** ms from the frame's navigation start; null when the step did not happen. */
export interface ColdStartBreakdown {
  html: number | null
  scripts: number | null
  /** DOMContentLoaded: the module scripts have run. */
  evaluated: number | null
  /** The first message from the portal page (getInitData's answer). */
  portalAnswered: number | null
  listSent: number | null
  listAnswered: number | null
  painted: number | null
}

export interface BenchProbe {
  submitAt: number | null
  firstRowAt: number | null
  portalAnsweredAt: number | null
  toggle: {
    id: string
    unread: string
    /** The click event's timestamp. */
    clickAt: number | null
    /** The MutationObserver saw the row's data-unread flip (the app's script work is done). */
    seenAt: number | null
    /** The first task after the next animation frame (the change is on screen). */
    paintAt: number | null
  } | null
  longTasks: { start: number; duration: number }[]
  longTasksObserved: boolean
  now(): number
  rows(): number
  /** Failures shown in any live region (see probe.browser.js). */
  errorsShown(): number
  pending(): number
  heap(): number | null
  longestTaskSince(since: number): number | null
  breakdown(): ColdStartBreakdown
  armToggle(id: string, unread: boolean): void
  frameInterval(count: number): Promise<number>
  scrollToLastRow(): { rows: number; lastId: string | null }
}

declare global {
  interface Window {
    __bench: BenchProbe
  }
}
