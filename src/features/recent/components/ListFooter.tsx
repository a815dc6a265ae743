import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'

interface ListFooterProps {
  hasNextPage: boolean
  fetchingNextPage: boolean
  loaded: boolean
  /** A search looks through every page at once instead of one more. */
  searching: boolean
  empty: boolean
  onLoadMore(): void
  onLoadAll(): void
}

/** Under the list: whether more is coming or all is there, and the button that loads more. */
export function ListFooter(props: ListFooterProps) {
  const { t } = useI18n()
  const { hasNextPage, fetchingNextPage, searching } = props
  return (
    <>
      <div className="list-footer" role="status">
        {fetchingNextPage
          ? t('loadingMore')
          : !hasNextPage && props.loaded && !searching
            ? t('allLoaded')
            : null}
      </div>
      {hasNextPage && !fetchingNextPage && !props.empty && (
        <Button className="list-more" onClick={searching ? props.onLoadAll : props.onLoadMore}>
          {searching ? t('searchAll') : t('loadMore')}
        </Button>
      )}
    </>
  )
}
