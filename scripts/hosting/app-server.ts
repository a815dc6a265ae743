import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import sirv from 'sirv'
import { acceptPostLaunch, isHtmlRoute } from './post-launch.ts'

export interface AppServerOptions {
  /** The built app (`dist/`). */
  root: string
}

const YEAR = 60 * 60 * 24 * 365

/** Headers every answer carries. The strict CSP and frame-ancestors policy come on top later. */
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

function cacheControl(pathname: string): string {
  // Vite puts content-hashed files under /assets/: a new build means a new name.
  if (pathname.startsWith('/assets/')) return `public, max-age=${YEAR}, immutable`
  if (isHtmlRoute(pathname)) return 'no-cache'
  return 'public, max-age=3600'
}

/** The production server behind `npm run serve`: dist/ as static files, POST launches answered. */
export function createAppServer({ root }: AppServerOptions): Server {
  const files = sirv(root, {
    single: true,
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', cacheControl(pathname))
    },
  })

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
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
