import { createContext, use, type ReactNode } from 'react'
import type { Portal } from './connection.ts'

const PortalContext = createContext<Portal | null>(null)

/** Hands the connected portal to the tree; `connection` settles before children render. */
export function PortalProvider({
  connection,
  children,
}: {
  connection: Promise<Portal>
  children: ReactNode
}) {
  const portal = use(connection)
  return <PortalContext value={portal}>{children}</PortalContext>
}

export function usePortal(): Portal {
  const portal = use(PortalContext)
  if (!portal) throw new Error('usePortal() must be used inside <PortalProvider>')
  return portal
}
