import type { QueryClient } from '@tanstack/react-query'
import { connectToPortal, type Portal } from '../bitrix24/connection.ts'
import { prefetchFirstScreen } from '../features/recent/api/prefetch.ts'
import { resolveLanguage } from '../i18n/languages.ts'
import { loadCatalog } from '../i18n/load-catalog.ts'

/** The message menu's placement (IM_CONTEXT_MENU): the app marks that message's dialog unread. */
export const isMessageMenu = (portal: Portal) => portal.placement.placement === 'IM_CONTEXT_MENU'

/**
 * Starts the handshake, and what the first screen needs the moment getInitData answers: the
 * portal's language and the first page of the list. Called before React renders, the list
 * request leaves as soon as the portal has answered instead of after the first render.
 */
export function connect(queryClient: QueryClient): Promise<Portal> {
  return connectToPortal().then((portal) => {
    void loadCatalog(resolveLanguage(portal.getLang()).portal)
    if (!portal.isInstallMode && !isMessageMenu(portal)) prefetchFirstScreen(portal, queryClient)
    return portal
  })
}
