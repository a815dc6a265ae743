import { useCallback } from 'react'
import { useFrameTitle } from '../../../bitrix24/frame-title.ts'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import type { ListEntry } from '../model/collect.ts'
import type { DialogTraits } from '../model/counters.ts'
import { useUnreadTotal } from './use-unread-total.ts'

/**
 * The unread total as the header and the portal's tab show it; null until known. `pending` are
 * the changes on their way; `loaded` tells which of the dialogs they touch are muted or open lines.
 */
export function useUnreadHeading(
  pending: ReadonlyMap<string, boolean>,
  loaded: readonly ListEntry[] | undefined,
) {
  const { t, formatNumber } = useI18n()
  const traits = useCallback(
    (key: string): DialogTraits | undefined => {
      for (const entry of loaded ?? []) {
        if (entry.kind === 'dialog' && entry.dialog.key === key)
          return { muted: entry.dialog.muted, line: entry.dialog.kind === 'openline' }
      }
      return undefined
    },
    [loaded],
  )
  const total = useUnreadTotal(pending, traits)
  const count = total === null ? null : formatNumber(total)
  useFrameTitle(
    total === null ? null : total > 0 ? `(${count}) ${t('recentHeading')}` : t('recentHeading'),
  )
  return total === null ? null : { total, count: count ?? '' }
}
