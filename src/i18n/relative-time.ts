const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
]

/**
 * "5 min ago", "yesterday", or a short date for anything older than a week — as the messenger's
 * own recent list does. Future times (clock skew) read as "now".
 */
export function formatRelativeTime(epochMs: number, nowMs: number, locale: string): string {
  let value = Math.min(0, Math.round((epochMs - nowMs) / 1000))
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
  if (value > -45) return relative.format(0, 'second')
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return relative.format(value, unit)
    value = Math.round(value / size)
  }
  const date = new Date(epochMs)
  const sameYear = date.getFullYear() === new Date(nowMs).getFullYear()
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date)
}
