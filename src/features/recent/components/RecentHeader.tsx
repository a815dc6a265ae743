import type { Ref } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { Icon } from '../../../ui/Icon.tsx'
import { SearchBox } from './SearchBox.tsx'

interface RecentHeaderProps {
  /** The unread total and how it reads ("5,000+"); null until known. */
  unread: { total: number; count: string } | null
  search: string
  onSearch(value: string): void
  searchRef: Ref<HTMLInputElement>
  /** On a narrow screen the field is folded behind a button until asked for. */
  searchOpen: boolean
  onOpenSearch(): void
  helpOpen: boolean
  onHelp(): void
}

/**
 * The heading with the unread total, the search and the shortcuts' button, on one line. On a
 * narrow screen the search is a button that unfolds the field across the width below.
 */
export function RecentHeader({
  unread,
  search,
  onSearch,
  searchRef,
  searchOpen,
  onOpenSearch,
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
      <Button
        variant="ghost"
        className="app-header__search"
        aria-label={t('searchLabel')}
        title={t('searchLabel')}
        aria-expanded={searchOpen}
        aria-controls="recent-search"
        onClick={onOpenSearch}
      >
        <Icon name="search" size={20} />
      </Button>
      <SearchBox value={search} onChange={onSearch} inputRef={searchRef} open={searchOpen} />
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
