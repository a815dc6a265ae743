// `npm run serve`: hosts the production build (dist/) the way Bitrix24 needs it.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createAppServer } from './hosting/app-server.ts'
import { cspOriginsFromEnv, type CspOrigins } from './hosting/security-headers.ts'

const root = fileURLToPath(new URL('../dist', import.meta.url))
if (!existsSync(root)) {
  console.error('No build found in dist/. Run `npm run build` first.')
  process.exit(1)
}

const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
function originsOrExit(): CspOrigins {
  try {
    return cspOriginsFromEnv()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
const origins = originsOrExit()
const server = createAppServer({ root, origins })
server.listen(port, host, () => {
  console.log(`App served from dist/ at http://${host.includes(':') ? `[${host}]` : host}:${port}/`)
  console.log(`Embeddable by: ${origins.frameAncestors.join(' ')}`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)))
