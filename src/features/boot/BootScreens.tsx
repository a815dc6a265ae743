import { BootFailure } from '../../bitrix24/connection.ts'
import { usePortalSlow } from '../../bitrix24/use-portal-slow.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { Button } from '../../ui/Button.tsx'
import { MessageScreen } from '../../ui/MessageScreen.tsx'

export function ConnectingScreen() {
  const { t } = useI18n()
  const slow = usePortalSlow()
  return (
    <MessageScreen title={t(slow ? 'slowTitle' : 'connecting')} busy>
      {slow && <p>{t('slowBody')}</p>}
    </MessageScreen>
  )
}

/** What the user sees when the app cannot start: never a stack trace. */
export function BootFailureScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  const failure = error instanceof BootFailure ? error : null

  if (failure?.kind === 'outside-bitrix24') {
    return (
      <MessageScreen title={t('outsideTitle')} icon="frame">
        <p>{t('outsideBody')}</p>
        <p>{t('outsideHowTo')}</p>
      </MessageScreen>
    )
  }
  const retry = (
    <Button variant="primary" onClick={onRetry}>
      {t('tryAgain')}
    </Button>
  )
  if (failure?.kind === 'portal-silent') {
    return (
      <MessageScreen title={t('silentTitle')} icon="offline" tone="error" actions={retry}>
        <p>{t('silentBody')}</p>
      </MessageScreen>
    )
  }
  const reason = error instanceof Error ? error.message : String(error)
  return (
    <MessageScreen title={t('failedTitle')} icon="alert" tone="error" actions={retry}>
      <p>{t('failedBody', { reason })}</p>
    </MessageScreen>
  )
}
