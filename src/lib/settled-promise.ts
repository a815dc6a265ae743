/**
 * Marks a promise the way React's `use()` reads it (status / value / reason). `use()` returns a
 * promise that is already marked fulfilled at once; an unmarked one suspends at least a tick even
 * when it has long resolved — and every reveal after a suspension is throttled by React (up to
 * 300 ms), which on the first screen is time the user waits for nothing.
 */
type Tracked<T> = Promise<T> & { status?: string; value?: T; reason?: unknown }

export function trackSettled<T>(promise: Promise<T>): Promise<T> {
  const tracked = promise as Tracked<T>
  if (tracked.status) return promise
  tracked.status = 'pending'
  promise.then(
    (value) => {
      tracked.status = 'fulfilled'
      tracked.value = value
    },
    (reason: unknown) => {
      tracked.status = 'rejected'
      tracked.reason = reason
    },
  )
  return promise
}
