import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { act, render, renderHook, waitFor, type RenderResult } from '@testing-library/react'
import { Suspense, useEffect, type ReactNode } from 'react'
import { expect } from 'vitest'
import { createQueryClient } from '../app/query-client.ts'
import type { Portal } from '../bitrix24/connection.ts'
import { PortalProvider } from '../bitrix24/portal-context.tsx'
import { I18nProvider } from '../i18n/i18n-context.tsx'

/** The providers App puts around the screen, over a given portal. */
function providers(portal: Portal, queryClient: QueryClient) {
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <I18nProvider portalLang="en">
            <PortalProvider portal={portal}>{children}</PortalProvider>
          </I18nProvider>
        </Suspense>
      </QueryClientProvider>
    )
  }
}

/**
 * Renders a piece of the app the way App does, around a given portal. Awaited inside act():
 * the providers suspend on the connection and the catalog, and React only resumes them then.
 */
export async function renderWithPortal(ui: ReactNode, portal: Portal) {
  const queryClient = createQueryClient()
  const Providers = providers(portal, queryClient)
  let result!: RenderResult
  await act(async () => {
    result = render(<Providers>{ui}</Providers>)
  })
  return { ...result, queryClient }
}

/**
 * A hook of the app inside the same providers as renderWithPortal, returned once the hook's first
 * render has been committed: the catalog's import can outlast act() (a first import on a busy
 * machine), and until it comes the providers are suspended and `result.current` is null.
 */
export async function renderHookWithPortal<R>(hook: () => R, portal: Portal) {
  const queryClient = createQueryClient()
  const commits = { count: 0 }
  // renderHook sets result.current in an effect of its own, after this one in the same commit.
  const useCommitted = () => {
    const value = hook()
    useEffect(() => {
      commits.count++
    })
    return value
  }
  let result!: ReturnType<typeof renderHook<R, unknown>>
  await act(async () => {
    result = renderHook(useCommitted, { wrapper: providers(portal, queryClient) })
  })
  await waitFor(() => expect(commits.count).toBeGreaterThan(0))
  return { ...result, queryClient }
}
