import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { EmptyState } from '../../../ui/EmptyState.tsx'
import type { RecentFilter } from '../model/filters.ts'

/** Why the list is empty, in the user's terms, with the way out when there is one. */
export function RecentEmpty(props: {
  search: string
  /** The portal is still being searched: no verdict yet. */
  searching: boolean
  filter: RecentFilter
  canLoadMore: boolean
  onLoadAll(): void
  onShowAll(): void
}) {
  const { t } = useI18n()
  if (props.search) {
    if (props.searching) return null
    return (
      <EmptyState
        icon="search"
        title={t('noMatch')}
        role="status"
        action={props.canLoadMore && <Button onClick={props.onLoadAll}>{t('searchAll')}</Button>}
      />
    )
  }
  if (props.filter !== 'all') {
    return (
      <EmptyState
        icon="done"
        title={props.filter === 'unread' ? t('nothingUnread') : t('nothingHere')}
        role="status"
        action={<Button onClick={props.onShowAll}>{t('showAllChats')}</Button>}
      />
    )
  }
  return (
    <EmptyState icon="chats" title={t('listEmptyTitle')} role="status">
      <p>{t('listEmptyText')}</p>
    </EmptyState>
  )
}
