import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { unzipFiles, type ArchiveFiles } from '../packaging/archive.ts'

/**
 * A static local application, hosted the way Bitrix24 cloud hosts one (b24restdocs:
 * local-integrations/static-local-app.md; settings/app-installation/local-apps/installation-master.md):
 * the admin uploads a ZIP with `index.html` at its root; the portal unpacks it under a path of its
 * own on an origin that is not the portal's, opens `install.html` as the install wizard when the
 * archive has one (otherwise `index.html` straight away), and `index.html` as the app. Like every
 * handler, the pages are opened with a form POST, so files are served for POST as for GET.
 * No header of the app's own can be sent from here: a policy must be in the pages (a meta tag).
 */

export interface StaticAppHost {
  /** The app's page: the placement handler Bitrix24 would open. */
  readonly indexUrl: string
  /** The install wizard: install.html when the archive holds one, else index.html. */
  readonly installUrl: string
  /** Paths asked for that the archive does not hold, in order (a 404 each). */
  readonly misses: readonly string[]
  close(): Promise<void>
}

export interface StaticAppOptions {
  /** The ZIP's bytes, or its path. */
  archive: Uint8Array | string
  /** Host name in the URLs (the app's origin); the server listens on loopback. */
  hostname?: string
  /** 0 = any free port. */
  port?: number
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  txt: 'text/plain; charset=utf-8',
}

export function contentType(path: string): string {
  const extension = path.split('/').pop()?.split('.').pop()?.toLowerCase() ?? ''
  return CONTENT_TYPES[extension] ?? 'application/octet-stream'
}

/** The archive's files, with the one rule the portal enforces on upload: index.html at the root. */
export function readStaticApp(archive: Uint8Array): ArchiveFiles {
  const files = unzipFiles(archive)
  if (!files.has('index.html')) throw new Error('the archive has no index.html at its root')
  return files
}

/** A path of the app's own, from its content: another archive is another app. */
export function appBasePath(archive: Uint8Array): string {
  return `/local-apps/app.${createHash('sha256').update(archive).digest('hex').slice(0, 12)}/`
}

/** The archive file a request names, or undefined (outside the app's path, or not in the archive). */
export function archivePath(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined
  try {
    return decodeURIComponent(pathname.slice(basePath.length)) || 'index.html'
  } catch {
    return undefined
  }
}

export async function hostStaticApp({
  archive,
  hostname = 'localhost',
  port = 0,
}: StaticAppOptions): Promise<StaticAppHost> {
  const bytes = typeof archive === 'string' ? readFileSync(archive) : archive
  const files = readStaticApp(bytes)
  const basePath = appBasePath(bytes)
  const misses: string[] = []

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, HEAD, POST' }).end()
      return
    }
    const { pathname } = new URL(req.url ?? '/', 'http://app.local')
    const path = archivePath(pathname, basePath)
    const content = path === undefined ? undefined : files.get(path)
    if (path === undefined || content === undefined) {
      misses.push(pathname)
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': contentType(path),
      'Content-Length': content.byteLength,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    res.end(req.method === 'HEAD' ? undefined : content)
  }

  const server = createServer((req, res) => {
    // A launch posts the form (tokens and all); the page does not need it, so it is dropped.
    req.resume()
    req.once('end', () => serve(req, res))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const base = `http://${hostname}:${(server.address() as AddressInfo).port}${basePath}`
  return {
    indexUrl: `${base}index.html`,
    installUrl: `${base}${files.has('install.html') ? 'install.html' : 'index.html'}`,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
