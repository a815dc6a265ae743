import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'
import { describeFailure } from '../model/failure-reason.ts'

/** Whether the portal is being searched for dialogs beyond the loaded ones, or could not be. */
export function SearchStatus({
  searching,
  error,
  onRetry,
}: {
  searching: boolean
  error: Error | null
  onRetry(): void
}) {
  const { t } = useI18n()
  if (error) {
    return (
      <div className="search-status search-status--error" role="alert">
        <span>{t('searchFailed', { reason: describeFailure(t, error) })}</span>
        <Button variant="ghost" onClick={onRetry}>
          {t('retry')}
        </Button>
      </div>
    )
  }
  return (
    <p className="search-status" role="status">
      {searching && (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('searchingPortal')}
        </>
      )}
    </p>
  )
}
