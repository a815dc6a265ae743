import type { ReactNode } from 'react'

/** A full-area screen with one message: loading, outside Bitrix24, errors, install. */
export function MessageScreen({
  title,
  children,
  actions,
  busy = false,
  tone = 'neutral',
}: {
  title: string
  children?: ReactNode
  actions?: ReactNode
  busy?: boolean
  tone?: 'neutral' | 'error'
}) {
  return (
    <main className={`message-screen message-screen--${tone}`} aria-busy={busy || undefined}>
      {busy && <span className="spinner" aria-hidden="true" />}
      <h1 className="message-screen__title">{title}</h1>
      {children && <div className="message-screen__body">{children}</div>}
      {actions && <div className="message-screen__actions">{actions}</div>}
    </main>
  )
}
