import { useState } from 'react'
import { safeImageUrl } from './safe-url.ts'

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[1]] : [words[0] ?? '']
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase()
}

/** A round picture when there is a safe one, else the dialog's color with its initials. */
export function Avatar({ url, color, name }: { url: string | null; color: string; name: string }) {
  const [broken, setBroken] = useState(false)
  const src = broken ? null : safeImageUrl(url)
  if (src) {
    return (
      <img
        className="avatar"
        src={src}
        alt=""
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setBroken(true)}
      />
    )
  }
  return (
    <span className="avatar avatar--initials" style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  )
}
