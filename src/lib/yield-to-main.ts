/**
 * Lets the browser paint and handle input before the caller goes on. The SDK hands over a REST
 * answer in the same task that parsed it; continuing with the app's own work there would make
 * one long task of both, and a scrolling list stutters for the length of it.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
