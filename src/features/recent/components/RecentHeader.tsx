import type { Ref } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { SearchBox } from './SearchBox.tsx'

interface RecentHeaderProps {
  /** The unread total and how it reads ("5,000+"); null until known. */
  unread: { total: number; count: string } | null
  search: string
  onSearch(value: string): void
  searchRef: Ref<HTMLInputElement>
  helpOpen: boolean
  onHelp(): void
}

/** The heading with the unread total, the search and the shortcuts' button. */
export function RecentHeader({
  unread,
  search,
  onSearch,
  searchRef,
  helpOpen,
  onHelp,
}: RecentHeaderProps) {
  const { t, plural } = useI18n()
  return (
    <header className="app-header">
      <h1 className="app-header__title">{t('recentHeading')}</h1>
      {unread && (
        <span className="app-header__total" data-total={unread.total}>
          {plural('unreadTotal', unread.total, { count: unread.count })}
        </span>
      )}
      <SearchBox value={search} onChange={onSearch} inputRef={searchRef} />
      <Button
        variant="ghost"
        className="app-header__help"
        aria-label={t('shortcutsTitle')}
        aria-expanded={helpOpen}
        onClick={onHelp}
      >
        ?
      </Button>
    </header>
  )
}
