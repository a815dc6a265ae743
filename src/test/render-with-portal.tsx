import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, type RenderResult } from '@testing-library/react'
import { Suspense, type ReactNode } from 'react'
import { createQueryClient } from '../app/query-client.ts'
import type { Portal } from '../bitrix24/connection.ts'
import { PortalProvider } from '../bitrix24/portal-context.tsx'
import { I18nProvider } from '../i18n/i18n-context.tsx'

/**
 * Renders a piece of the app the way App does, around a given portal. Awaited inside act():
 * the providers suspend on the connection and the catalog, and React only resumes them then.
 */
export async function renderWithPortal(ui: ReactNode, portal: Portal) {
  const queryClient = createQueryClient()
  let result!: RenderResult
  await act(async () => {
    result = render(
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <I18nProvider portalLang="en">
            <PortalProvider portal={portal}>{ui}</PortalProvider>
          </I18nProvider>
        </Suspense>
      </QueryClientProvider>,
    )
  })
  return { ...result, queryClient }
}
