import { useI18n } from '../../../i18n/i18n-context.tsx'
import { FILTERS, type RecentFilter } from '../model/filters.ts'

const LABEL = {
  all: 'filterAll',
  unread: 'filterUnread',
  direct: 'filterDirect',
  chats: 'filterChats',
  openlines: 'filterOpenLines',
} as const

export function FilterTabs({
  value,
  onChange,
}: {
  value: RecentFilter
  onChange(filter: RecentFilter): void
}) {
  const { t } = useI18n()
  return (
    <div className="filter-tabs" role="group" aria-label={t('filterLabel')}>
      {FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          className="filter-tabs__tab"
          aria-pressed={filter === value}
          onClick={() => onChange(filter)}
        >
          {t(LABEL[filter])}
        </button>
      ))}
    </div>
  )
}
