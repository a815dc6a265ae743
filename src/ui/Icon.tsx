/** Inline icons (24×24, stroked with currentColor): no icon font, a few hundred bytes in all. */
const PATHS = {
  chats:
    'M4 5.5A2.5 2.5 0 0 1 6.5 3h8A2.5 2.5 0 0 1 17 5.5v5a2.5 2.5 0 0 1-2.5 2.5H9l-3.5 3v-3H6.5A2.5 2.5 0 0 1 4 10.5zM17 8h.5A2.5 2.5 0 0 1 20 10.5v5a2.5 2.5 0 0 1-2.5 2.5H17v3l-3.5-3H11a2.5 2.5 0 0 1-2.2-1.3',
  check: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12.5l2.7 2.7L16.2 9.5',
  search: 'M10.5 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM15.5 15.5 21 21',
  alert: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7.5v5.5M12 16.2v.3',
  offline:
    'M3 3l18 18M8.5 8.6A4.5 4.5 0 0 0 6.5 17H17M20.4 15.2A3.5 3.5 0 0 0 17.5 10h-.6A5.5 5.5 0 0 0 10.3 5.7',
  frame:
    'M3.5 6.5a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2zM3.5 9h17M7 6.8h.01M9.5 6.8h.01',
  install: 'M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5M4.5 15.5v2a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-2',
  done: 'M5 12.5l4.5 4.5L19 7.5',
  unread: 'M12 19a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM12 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  // A push pin: the chat is pinned to the top of the list.
  pin: 'M9 4h6l-1 6 3 3v2H7v-2l3-3zM12 15v6',
  // A bell struck through: the chat is muted.
  muted:
    'M3 3l18 18M9.5 19.5a2.5 2.5 0 0 0 5 0M6.5 16.5h9M17.5 13V10a5.5 5.5 0 0 0-8.6-4.5M6.5 10v3.5L5 16.5',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
