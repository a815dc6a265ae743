const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
]

/**
 * One formatter per locale and style: building an Intl formatter costs far more than using one,
 * and every row of a scrolling list formats its date on each render.
 */
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>()

function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let format = formatters.get(key) as T | undefined
  if (!format) {
    format = make()
    formatters.set(key, format)
  }
  return format
}

/**
 * "5 min ago", "yesterday", or a short date for anything older than a week — as the messenger's
 * own recent list does. Future times (clock skew) read as "now".
 */
export function formatRelativeTime(epochMs: number, nowMs: number, locale: string): string {
  let value = Math.min(0, Math.round((epochMs - nowMs) / 1000))
  const relative = cached(
    `relative:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
  )
  if (value > -45) return relative.format(0, 'second')
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return relative.format(value, unit)
    value = Math.round(value / size)
  }
  const date = new Date(epochMs)
  const sameYear = date.getFullYear() === new Date(nowMs).getFullYear()
  const dates = cached(
    `date:${sameYear}:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        ...(sameYear ? {} : { year: 'numeric' }),
      }),
  )
  return dates.format(date)
}
