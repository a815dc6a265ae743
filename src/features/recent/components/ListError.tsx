import { useI18n } from '../../../i18n/i18n-context.tsx'
import { Button } from '../../../ui/Button.tsx'

/** Which screen a failed list load gets: the two access problems need an admin, not a retry. */
export type ListErrorKind = 'access-revoked' | 'missing-scope' | 'failed'

export function listErrorKind(error: unknown): ListErrorKind {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'user_access_error') return 'access-revoked'
  if (code === 'insufficient_scope') return 'missing-scope'
  return 'failed'
}

/** The list could not be loaded: says why in plain words, and who can fix it. */
export function ListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n()
  const kind = listErrorKind(error)
  const retry = <Button onClick={onRetry}>{t('tryAgain')}</Button>

  if (kind === 'failed') {
    return (
      <div className="list-status list-status--error" role="alert">
        <p>{t('listFailed', { reason: error.message })}</p>
        {retry}
      </div>
    )
  }
  const revoked = kind === 'access-revoked'
  return (
    <section
      className="list-status list-status--error list-status--access"
      role="alert"
      aria-labelledby="list-error-title"
      data-error-kind={kind}
    >
      <h2 id="list-error-title">{t(revoked ? 'accessRevokedTitle' : 'scopeMissingTitle')}</h2>
      <p>{t(revoked ? 'accessRevokedBody' : 'scopeMissingBody')}</p>
      <p>{t(revoked ? 'accessRevokedAdmin' : 'scopeMissingAdmin')}</p>
      {retry}
    </section>
  )
}
