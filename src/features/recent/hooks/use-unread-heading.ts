import { useFrameTitle } from '../../../bitrix24/frame-title.ts'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { useUnreadTotal } from './use-unread-total.ts'

/**
 * The unread total as the header and the portal's tab show it ("12", or "5,000+" when not all
 * was counted); null until known.
 */
export function useUnreadHeading(userId: number) {
  const { t, formatNumber } = useI18n()
  const unread = useUnreadTotal(userId)
  const count = unread && formatNumber(unread.total) + (unread.complete ? '' : '+')
  useFrameTitle(
    unread && (unread.total > 0 ? `(${count}) ${t('recentHeading')}` : t('recentHeading')),
  )
  return unread && { total: unread.total, count: count ?? '' }
}
