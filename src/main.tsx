// The handshake and the first list page start from this small first chunk (see start.ts). React
// and the screens come in a chunk of their own, which index.html preloads beside this one.
import { connection, queryClient } from './app/start.ts'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

/**
 * The screens' chunk is evaluated once the portal has answered and the first list request has
 * left, or after this long (a slow portal still gets its "connecting" screens): evaluated at once,
 * it held the portal's answer, and the request after it, behind one long task.
 */
const SCREENS_AFTER_MS = 250

void Promise.race([
  connection.catch(() => {}),
  new Promise((resolve) => setTimeout(resolve, SCREENS_AFTER_MS)),
])
  .then(() => import('./app/render.tsx'))
  .then(({ render }) => render(container, queryClient, connection))
