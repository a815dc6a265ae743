/**
 * Time source in milliseconds since the epoch. Modules that care about time (token expiry,
 * the rate limiter, the `time` object of answers) take a Clock instead of calling Date.now(),
 * so unit tests can move time forward without sleeping.
 */
export type Clock = () => number

export const systemClock: Clock = () => Date.now()

/** A clock the tests drive by hand. */
export function manualClock(startMs = Date.UTC(2026, 1, 26, 9, 0, 0)): Clock & {
  advance(ms: number): void
  set(ms: number): void
} {
  let now = startMs
  const clock = (() => now) as Clock & { advance(ms: number): void; set(ms: number): void }
  clock.advance = (ms: number) => {
    now += ms
  }
  clock.set = (ms: number) => {
    now = ms
  }
  return clock
}
