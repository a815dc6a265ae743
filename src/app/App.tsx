import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { connectToPortal } from '../bitrix24/connection.ts'
import { PortalProvider, usePortal } from '../bitrix24/portal-context.tsx'
import { useFitFrame } from '../bitrix24/use-fit-frame.ts'
import { BootErrorBoundary } from '../features/boot/BootErrorBoundary.tsx'
import { BootFailureScreen, ConnectingScreen } from '../features/boot/BootScreens.tsx'
import { RecentScreen } from '../features/recent/components/RecentScreen.tsx'
import { prefetchRecentList } from '../features/recent/api/prefetch.ts'
import { I18nProvider } from '../i18n/i18n-context.tsx'
import { resolveLanguage } from '../i18n/languages.ts'
import { loadCatalog } from '../i18n/load-catalog.ts'
import { createQueryClient } from './query-client.ts'

// The install page is opened once per portal: its code stays out of the initial bundle.
const InstallScreen = lazy(() =>
  import('../features/install/InstallScreen.tsx').then((module) => ({
    default: module.InstallScreen,
  })),
)

/** Before getInitData answers, the launch URL's LANG (set by the portal) is the best guess. */
function launchLanguage(): string {
  return new URLSearchParams(window.location.search).get('LANG') ?? navigator.language.slice(0, 2)
}

function PortalApp() {
  const portal = usePortal()
  useFitFrame()
  return (
    <I18nProvider portalLang={portal.getLang()}>
      <div className="app" data-placement={portal.placement.placement}>
        {portal.isInstallMode ? <InstallScreen /> : <RecentScreen />}
      </div>
    </I18nProvider>
  )
}

/**
 * Starts the handshake. React reads the promise only once the language catalog has loaded, so
 * a failure that comes sooner (opened outside Bitrix24 fails at once) must not count as an
 * unhandled rejection: the boot boundary shows it.
 */
function connect(queryClient: QueryClient) {
  const connection = connectToPortal()
  connection.then(
    (portal) => {
      // Start what the first screen needs the moment getInitData answers, not when React gets there.
      void loadCatalog(resolveLanguage(portal.getLang()).portal)
      if (!portal.isInstallMode) prefetchRecentList(portal, queryClient)
    },
    () => {},
  )
  return connection
}

export function App() {
  const [queryClient] = useState(createQueryClient)
  const [connection, setConnection] = useState(() => connect(queryClient))
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={null}>
        <I18nProvider portalLang={launchLanguage()}>
          <BootErrorBoundary
            onReset={() => setConnection(connect(queryClient))}
            fallback={(error, retry) => <BootFailureScreen error={error} onRetry={retry} />}
          >
            <Suspense fallback={<ConnectingScreen />}>
              <PortalProvider connection={connection}>
                <PortalApp />
              </PortalProvider>
            </Suspense>
          </BootErrorBoundary>
        </I18nProvider>
      </Suspense>
    </QueryClientProvider>
  )
}
