import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import sirv from 'sirv'
import { acceptPostLaunch, isHtmlRoute } from './post-launch.ts'
import { cspOriginsFromEnv, securityHeaders, type CspOrigins } from './security-headers.ts'

export interface AppServerOptions {
  /** The built app (`dist/`). */
  root: string
  /** Who may embed the app and which hosts it may talk to; default: from the environment. */
  origins?: CspOrigins
}

const YEAR = 60 * 60 * 24 * 365

function cacheControl(pathname: string): string {
  // Vite puts content-hashed files under /assets/: a new build means a new name.
  if (pathname.startsWith('/assets/')) return `public, max-age=${YEAR}, immutable`
  if (isHtmlRoute(pathname)) return 'no-cache'
  return 'public, max-age=3600'
}

/** The production server behind `npm run serve`: dist/ as static files, POST launches answered. */
export function createAppServer({ root, origins = cspOriginsFromEnv() }: AppServerOptions): Server {
  const headers = securityHeaders(origins)
  const files = sirv(root, {
    single: true,
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', cacheControl(pathname))
    },
  })

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, HEAD, POST' }).end()
      return
    }
    acceptPostLaunch(req, res, (error) => {
      if (error) {
        res.writeHead(400).end()
        return
      }
      if (req.method === 'POST') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end()
        return
      }
      files(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      })
    })
  })
}
