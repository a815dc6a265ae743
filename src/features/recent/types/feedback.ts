/** What the screen tells the user: the hooks decide it, the components show it. */

/** One message of the toast region. */
export interface ToastMessage {
  id: number
  text: string
  /** Undo is offered only while this is set. */
  onUndo?: () => void
  tone?: 'neutral' | 'error'
  onRetry?: () => void
  /** The dialogs a failure is about (their keys), for whoever reads the screen. */
  dialogIds?: string[]
}

/** How far a bulk change has come. */
export interface BulkProgress {
  settled: number
  total: number
}
