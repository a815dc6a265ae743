import { useEffect } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import type { ToastMessage } from '../types/feedback.ts'

export const UNDO_WINDOW_MS = 5_000

/** One message at a time, polite to screen readers; an Undo offer disappears after 5 s. */
export function Toast({
  toast,
  onClose,
}: {
  toast: ToastMessage | null
  onClose(id: number): void
}) {
  const { t } = useI18n()
  useEffect(() => {
    if (!toast?.onUndo) return
    // The window closes this message only: a newer one may already be said, not yet drawn.
    const timer = setTimeout(() => onClose(toast.id), UNDO_WINDOW_MS)
    return () => clearTimeout(timer)
  }, [toast, onClose])
  /** Closes the message, then takes its action: whatever the action says next is shown. */
  const closing = (id: number, action?: () => void) => () => {
    onClose(id)
    action?.()
  }

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          className={`toast toast--${toast.tone ?? 'neutral'}`}
          key={toast.id}
          data-toast-id={toast.id}
          data-dialog-ids={toast.dialogIds?.join(' ')}
        >
          <span className="toast__text">{toast.text}</span>
          {toast.onRetry && (
            <Button variant="ghost" onClick={closing(toast.id, toast.onRetry)}>
              {t('retry')}
            </Button>
          )}
          {toast.onUndo && (
            <Button variant="ghost" onClick={closing(toast.id, toast.onUndo)}>
              {t('undo')}
            </Button>
          )}
          <Button variant="ghost" onClick={closing(toast.id)} aria-label={t('dismiss')}>
            ×
          </Button>
        </div>
      )}
    </div>
  )
}
