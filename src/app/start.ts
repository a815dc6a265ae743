import { launchLanguage } from '../i18n/languages.ts'
import { loadCatalog } from '../i18n/load-catalog.ts'
import { connect } from './boot.ts'
import { createQueryClient } from './query-client.ts'

// The words of the first screen download beside the handshake, not after it.
void loadCatalog(launchLanguage())

// The first module main.tsx imports, so it runs before React DOM's code is evaluated: the
// getInitData message leaves while the rest of the bundle is still being evaluated, the portal
// answers meanwhile, and the first list request follows its answer instead of React's first render.
export const queryClient = createQueryClient()
export const connection = connect(queryClient)
// The app handles a failed connection once it has rendered; until then it is not "unhandled".
connection.catch(() => {})
