import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState } from 'react'
import type { Portal } from '../bitrix24/connection.ts'
import { PortalProvider, usePortal } from '../bitrix24/portal-context.tsx'
import { useFitFrame } from '../bitrix24/use-fit-frame.ts'
import { BootErrorBoundary } from '../features/boot/BootErrorBoundary.tsx'
import { BootFailureScreen, ConnectingScreen } from '../features/boot/BootScreens.tsx'
import { RecentScreen } from '../features/recent/components/RecentScreen.tsx'
import { I18nProvider } from '../i18n/i18n-context.tsx'
import { launchLanguage } from '../i18n/languages.ts'
import { connect, isMessageMenu } from './boot.ts'

// The install page is opened once per portal: its code stays out of the initial bundle.
const InstallScreen = lazy(() =>
  import('../features/install/InstallScreen.tsx').then((module) => ({
    default: module.InstallScreen,
  })),
)

// Opened from a message's menu: a small screen of its own, loaded only there.
const MessageMenuScreen = lazy(() =>
  import('../features/message-menu/components/MessageMenuScreen.tsx').then((module) => ({
    default: module.MessageMenuScreen,
  })),
)

function PortalApp() {
  const portal = usePortal()
  useFitFrame()
  return (
    <I18nProvider portalLang={portal.getLang()}>
      <div className="app" data-placement={portal.placement.placement}>
        {portal.isInstallMode ? (
          <InstallScreen />
        ) : isMessageMenu(portal) ? (
          <MessageMenuScreen />
        ) : (
          <RecentScreen />
        )}
      </div>
    </I18nProvider>
  )
}

type Connection =
  | { status: 'connecting' }
  | { status: 'ready'; portal: Portal }
  | { status: 'failed'; error: unknown }

/**
 * The connection as state rather than a suspending promise: a Suspense reveal is throttled by
 * React (up to 300 ms), and the first screen should appear the moment the portal has answered.
 */
function useConnection(
  queryClient: QueryClient,
  firstAttempt: Promise<Portal>,
): [Connection, () => void] {
  const [attempt, setAttempt] = useState(0)
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' })
  useEffect(() => {
    let current = true
    ;(attempt === 0 ? firstAttempt : connect(queryClient)).then(
      (portal) => current && setConnection({ status: 'ready', portal }),
      (error: unknown) => current && setConnection({ status: 'failed', error }),
    )
    return () => {
      current = false
    }
  }, [queryClient, firstAttempt, attempt])
  const retry = () => {
    setConnection({ status: 'connecting' })
    setAttempt((n) => n + 1)
  }
  return [connection, retry]
}

/**
 * The app around a connection already under way (see main.tsx): `connection` is the first
 * attempt, started with `queryClient` before React rendered; Try again starts another.
 */
export function App({
  queryClient,
  connection: firstAttempt,
}: {
  queryClient: QueryClient
  connection: Promise<Portal>
}) {
  const [connection, retry] = useConnection(queryClient, firstAttempt)
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={null}>
        <I18nProvider portalLang={launchLanguage()}>
          <BootErrorBoundary
            onReset={retry}
            fallback={(error, reset) => <BootFailureScreen error={error} onRetry={reset} />}
          >
            {connection.status === 'connecting' ? (
              <ConnectingScreen />
            ) : connection.status === 'failed' ? (
              <BootFailureScreen error={connection.error} onRetry={retry} />
            ) : (
              <Suspense fallback={<ConnectingScreen />}>
                <PortalProvider portal={connection.portal}>
                  <PortalApp />
                </PortalProvider>
              </Suspense>
            )}
          </BootErrorBoundary>
        </I18nProvider>
      </Suspense>
    </QueryClientProvider>
  )
}
