// The handshake and the first list page start from this small first chunk (see start.ts). React
// and the screens come in a chunk of their own, which index.html preloads beside this one: the
// portal's answer and the list request no longer wait for the whole bundle to be evaluated.
import { connection, queryClient } from './app/start.ts'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

void import('./app/render.tsx').then(({ render }) => render(container, queryClient, connection))
