import type { IncomingMessage, ServerResponse } from 'node:http'

type Next = (error?: unknown) => void

/**
 * Bitrix24 opens an app's handler URL with a form POST (AUTH_ID, PLACEMENT, ... in the body).
 * Static hosting and Vite's servers only answer GET with the page, so a launch would be a 404.
 * An HTML route is any path without a file extension, or one ending in `.html`.
 */
export function isHtmlRoute(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? ''
  return !last.includes('.') || last.endsWith('.html')
}

/**
 * Connect-style middleware: answers a POST to an HTML route as if it were a GET.
 * The body is drained and dropped — the SDK reads the launch data over postMessage
 * (getInitData), never from the form, so the server has no reason to keep tokens.
 */
export function acceptPostLaunch(req: IncomingMessage, _res: ServerResponse, next: Next): void {
  if (req.method !== 'POST') return next()
  const pathname = new URL(req.url ?? '/', 'http://host').pathname
  if (!isHtmlRoute(pathname)) return next()
  req.resume()
  req.once('end', () => {
    req.method = 'GET'
    delete req.headers['content-type']
    delete req.headers['content-length']
    next()
  })
  req.once('error', next)
}
