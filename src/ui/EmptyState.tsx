import { useId, type ReactNode } from 'react'
import { Icon, type IconName } from './Icon.tsx'

export interface EmptyStateProps {
  /** One of the inline icons, shown in a tinted circle. */
  icon: IconName
  title: string
  /** One or more short paragraphs (plain text or nodes). */
  children?: ReactNode
  /** Buttons below the text (e.g. "Show all chats", "Try again"). */
  action?: ReactNode
  /** Shows a spinner in place of the icon (loading). */
  busy?: boolean
  /** `error` tints the icon red. */
  tone?: 'neutral' | 'error'
  /** Heading level of the title: 1 for a whole screen, 2 (default) inside a screen. */
  headingLevel?: 1 | 2 | 3
  /**
   * How assistive technology hears it when it appears: `status` (polite, e.g. "no search match"),
   * `alert` (assertive, for failures) or nothing (a screen that is simply there).
   */
  role?: 'status' | 'alert'
  className?: string
}

/** A designed empty or error state: icon, title, text and an optional action. Text only, never HTML. */
export function EmptyState({
  icon,
  title,
  children,
  action,
  busy = false,
  tone = 'neutral',
  headingLevel = 2,
  role,
  className,
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const
  const titleId = useId()
  return (
    <section
      className={['empty-state', `empty-state--${tone}`, className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
    >
      {busy ? (
        <span className="spinner empty-state__spinner" aria-hidden="true" />
      ) : (
        <span className="empty-state__icon">
          <Icon name={icon} size={36} />
        </span>
      )}
      {/* The live region holds the words only, so they are read once when the state appears. */}
      <div role={role} className="empty-state__words">
        <Heading id={titleId} className="empty-state__title">
          {title}
        </Heading>
        {children && <div className="empty-state__text">{children}</div>}
      </div>
      {action && <div className="empty-state__actions">{action}</div>}
    </section>
  )
}
