import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'

export interface ConfirmDialogProps {
  title: string
  body: string
  confirmLabel: string
  onConfirm(): void
  onCancel(): void
}

/**
 * A modal question before something the server cannot take back. Cancel has the focus first
 * (Enter must not read a thousand chats by accident), Tab stays inside, Esc cancels, and focus
 * returns to where it was.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  // Read while rendering, before Cancel takes the focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null)
  useEffect(() => () => before?.focus(), [before])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      props.onCancel()
      return
    }
    if (event.key !== 'Tab') return
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('button') ?? [])]
    const first = buttons[0]
    const last = buttons.at(-1)
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <div className="confirm-backdrop">
      <div
        ref={ref}
        className="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        onKeyDown={onKeyDown}
      >
        <h2 id="confirm-title" className="confirm__title">
          {props.title}
        </h2>
        <p id="confirm-body" className="confirm__body">
          {props.body}
        </p>
        <div className="confirm__actions">
          <Button onClick={props.onCancel} autoFocus>
            {t('cancel')}
          </Button>
          <Button variant="primary" onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  )
}
