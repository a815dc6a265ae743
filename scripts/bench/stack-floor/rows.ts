import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

export interface Dialog {
  id: string | number
  title: string
}

function Row({ dialog }: { dialog: Dialog }) {
  return createElement(
    'li',
    { 'data-dialog-id': String(dialog.id), 'data-unread': 'false' },
    dialog.title,
    ' ',
    createElement('button', { type: 'button' }, 'Toggle'),
  )
}

/** The titles as list items, as the floor page prints them (a queued open line comes as null). */
export function showRows(container: Element, items: (Dialog | null)[]): void {
  const rows = items.flatMap((dialog) =>
    dialog ? [createElement(Row, { key: dialog.id, dialog })] : [],
  )
  createRoot(container).render(createElement('ul', null, rows))
}
