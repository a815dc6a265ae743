import { createContext, use, type ReactNode } from 'react'
import type { Portal } from './connection.ts'

const PortalContext = createContext<Portal | null>(null)

/** Hands the connected portal to the tree. */
export function PortalProvider({ portal, children }: { portal: Portal; children: ReactNode }) {
  return <PortalContext value={portal}>{children}</PortalContext>
}

export function usePortal(): Portal {
  const portal = use(PortalContext)
  if (!portal) throw new Error('usePortal() must be used inside <PortalProvider>')
  return portal
}
