import type { Clock } from '../clock.ts'

/**
 * The `time` object every REST answer carries. The SDK feeds `operating` and
 * `operating_reset_at` into its operating-time limiter, so they must be realistic:
 * seconds of method execution accumulated in a 10-minute window, and the unix time that
 * window ends.
 */
export interface RestTime {
  start: number
  finish: number
  duration: number
  processing: number
  date_start: string
  date_finish: string
  operating_reset_at?: number
  operating?: number
}

/** The demo portal's time zone (the samples were recorded at +01:00). */
export const PORTAL_UTC_OFFSET_MINUTES = 60

/** ATOM / ISO-8601 with an offset and no milliseconds: `2026-02-25T12:07:10+01:00`. */
export function formatAtom(ms: number, offsetMinutes = PORTAL_UTC_OFFSET_MINUTES): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000)
  const sign = offsetMinutes >= 0 ? '+' : '-'
  const abs = Math.abs(offsetMinutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`
}

const OPERATING_WINDOW_SECONDS = 600

/** Accumulates per-method execution time in the portal's 10-minute operating window. */
export class OperatingMeter {
  #windowStart = new Map<string, number>()
  #used = new Map<string, number>()
  readonly #clock: Clock

  constructor(clock: Clock) {
    this.#clock = clock
  }

  record(method: string, seconds: number): { operating: number; operating_reset_at: number } {
    const now = Math.floor(this.#clock() / 1000)
    let start = this.#windowStart.get(method)
    if (start === undefined || now >= start + OPERATING_WINDOW_SECONDS) {
      start = now
      this.#windowStart.set(method, start)
      this.#used.set(method, 0)
    }
    const used = (this.#used.get(method) ?? 0) + seconds
    this.#used.set(method, used)
    return { operating: used, operating_reset_at: start + OPERATING_WINDOW_SECONDS }
  }

  reset(): void {
    this.#windowStart.clear()
    this.#used.clear()
  }
}

/**
 * Builds the object from wall-clock start/finish. `processing` is the method's own share
 * (a real portal reports a little less than `duration`).
 */
export function makeTime(
  startMs: number,
  finishMs: number,
  operating?: { operating: number; operating_reset_at: number },
): RestTime {
  const duration = Math.max(0, finishMs - startMs) / 1000
  const time: RestTime = {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration,
    processing: Math.round(duration * 0.8 * 1e6) / 1e6,
    date_start: formatAtom(startMs),
    date_finish: formatAtom(finishMs),
  }
  if (operating) {
    time.operating_reset_at = operating.operating_reset_at
    time.operating = operating.operating
  }
  return time
}
