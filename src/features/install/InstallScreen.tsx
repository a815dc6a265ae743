import { useMutation } from '@tanstack/react-query'
import { usePortal } from '../../bitrix24/portal-context.tsx'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { Button } from '../../ui/Button.tsx'
import { MessageScreen } from '../../ui/MessageScreen.tsx'

/** Shown on the portal's install page: the portal hides the app until installFinish() is called. */
export function InstallScreen() {
  const { t } = useI18n()
  const portal = usePortal()
  const finish = useMutation({ mutationFn: () => portal.installFinish() })
  return (
    <MessageScreen
      title={t('installTitle')}
      busy={finish.isPending}
      actions={
        <Button variant="primary" disabled={finish.isPending} onClick={() => finish.mutate()}>
          {finish.isPending ? t('installWorking') : t('installFinish')}
        </Button>
      }
    >
      <p>{t('installBody')}</p>
      {finish.isError && <p role="alert">{t('installFailed', { reason: finish.error.message })}</p>}
    </MessageScreen>
  )
}
