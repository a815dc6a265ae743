import { useI18n } from '../../../i18n/i18n-context.tsx'
import { useOnline } from '../hooks/use-online.ts'

/** Says so while the browser is offline: changes wait until it is back. */
export function OfflineBanner() {
  const { t } = useI18n()
  if (useOnline()) return null
  return (
    <p className="offline-banner" role="status">
      {t('offline')}
    </p>
  )
}
