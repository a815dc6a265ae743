import type { ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'ghost'

/**
 * Air's button: `primary` filled, `secondary` outline, `ghost` plain accent; `size` md (34 px) or
 * sm (28 px). `busy` keeps the button focusable, shows a spinner and says aria-busy.
 */
export function Button({
  variant = 'secondary',
  size = 'md',
  busy = false,
  className,
  type = 'button',
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant
  size?: 'md' | 'sm'
  busy?: boolean
}) {
  return (
    <button
      type={type}
      className={['button', `button--${variant}`, size === 'sm' && 'button--sm', className]
        .filter(Boolean)
        .join(' ')}
      aria-busy={busy || undefined}
      {...props}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  )
}
