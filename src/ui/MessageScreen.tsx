import type { ReactNode } from 'react'
import { EmptyState } from './EmptyState.tsx'
import type { IconName } from './Icon.tsx'

/** A full-area screen with one message: loading, outside Bitrix24, errors. */
export function MessageScreen({
  title,
  children,
  actions,
  icon = 'chats',
  busy = false,
  tone = 'neutral',
}: {
  title: string
  children?: ReactNode
  actions?: ReactNode
  icon?: IconName
  busy?: boolean
  tone?: 'neutral' | 'error'
}) {
  return (
    <main className={`message-screen message-screen--${tone}`} aria-busy={busy || undefined}>
      <EmptyState
        icon={icon}
        title={title}
        tone={tone}
        busy={busy}
        headingLevel={1}
        role={tone === 'error' ? 'alert' : busy ? 'status' : undefined}
        action={actions}
      >
        {children}
      </EmptyState>
    </main>
  )
}
