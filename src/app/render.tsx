import type { QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Portal } from '../bitrix24/connection.ts'
import { App } from './App.tsx'
import '../styles/global.css'

/** The app's screens, drawn into `container`. */
export function render(
  container: Element,
  queryClient: QueryClient,
  connection: Promise<Portal>,
): void {
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} connection={connection} />
    </StrictMode>,
  )
}
