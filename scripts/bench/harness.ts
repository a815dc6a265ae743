import { readFile } from 'node:fs/promises'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from '@playwright/test'
import { createAppServer } from '../hosting/app-server.ts'
import { createPortal, type Portal } from '../portal/server.ts'
import { CHROMIUM_ARGS, findChromium } from '../find-browser.ts'
import { firstRowMessage, probePath } from './probe.ts'

/**
 * The machinery every measurement shares: the production build served by the production
 * server, the bench's floor page, one local portal (test mode) launching each of them, and a
 * headless Chromium. The app and the floor live on `localhost`, the portals on `127.0.0.1`:
 * two origins, so the frame is cross-origin exactly as in a real portal. Optionally the stack
 * floor too (stack-floor/: the SDK and React alone), served like the app.
 */

export interface Site {
  name: 'app' | 'floor' | 'stack'
  /** The portal that launches this site (control API base). */
  portalUrl: string
  /** Origin of the page inside the frame. */
  frameOrigin: string
}

export interface Session {
  page: Page
  /** The app's (or the floor's) frame inside the portal page. */
  frame: Frame
  /** Settles when the frame's first dialog row has been painted (window.__bench.firstRowAt). */
  firstRowPainted: Promise<void>
  errors: string[]
  close(): Promise<void>
}

export interface Harness {
  app: Site
  floor: Site
  /** The stack floor, when the harness was started with its build. */
  stack: Site | null
  browserVersion: string
  /** A fresh browser context (empty cache: a cold start), the portal page, the frame launched. */
  open(site: Site): Promise<Session>
  close(): Promise<void>
}

const FLOOR_HTML = new URL('./floor.html', import.meta.url)

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/** The floor answers any method on any path (the portal launches it with a POST). */
async function createFloorServer(): Promise<Server> {
  const html = await readFile(FLOOR_HTML, 'utf8')
  return createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
    res.end(html)
  })
}

async function startPortal(appUrl: string): Promise<Portal> {
  // The rate limit stays at the cloud default: the network figures must see it.
  const portal = createPortal({ host: '127.0.0.1', port: 0, appUrl, test: true })
  await portal.listen()
  return portal
}

async function waitForFrame(page: Page, origin: string, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(origin))
    if (frame) return frame
    if (Date.now() > deadline) throw new Error(`no frame from ${origin} within ${timeoutMs} ms`)
    await page.waitForTimeout(10)
  }
}

interface Served {
  server: Server
  origin: string
  portal: Portal
}

/** `root` served by the production server, and a portal that launches it. */
async function serveBuild(root: string): Promise<Served> {
  // The page's CSP must name its portal and the portal must name the page's URL: the port is
  // taken first, and the production server is plugged in once the portal's origin is known.
  let handler: RequestListener = (_req, res) => res.writeHead(503).end()
  const server = createServer((req, res) => handler(req, res))
  const origin = `http://localhost:${await listen(server)}`
  const portal = await startPortal(`${origin}/`)
  const portalOrigin = new URL(portal.url ?? '').origin
  const production = createAppServer({
    root,
    origins: { portalOrigins: [portalOrigin], cdnOrigins: [], frameAncestors: [portalOrigin] },
  })
  handler = (req, res) => production.emit('request', req, res)
  return { server, origin, portal }
}

export async function startHarness(
  distDir: string,
  options: { stackDir?: string } = {},
): Promise<Harness> {
  const found = findChromium()
  if (!found) throw new Error('No Chromium found: run `npx playwright install chromium`.')
  const app = await serveBuild(distDir)
  const stack = options.stackDir ? await serveBuild(options.stackDir) : null
  const floorServer = await createFloorServer()
  const floorOrigin = `http://localhost:${await listen(floorServer)}`
  const floorPortal = await startPortal(`${floorOrigin}/`)
  const browser: Browser = await chromium.launch({
    executablePath: found.executablePath,
    // Exact heap figures and a callable gc(), so "JS heap" means live objects, not garbage.
    // Instant wheel scrolling, so the scale run reaches the end without waiting on animations.
    args: [
      ...CHROMIUM_ARGS,
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      '--disable-smooth-scrolling',
    ],
  })

  const site = (name: Site['name'], portal: Portal, frameOrigin: string): Site => ({
    name,
    portalUrl: portal.url ?? '',
    frameOrigin,
  })

  return {
    app: site('app', app.portal, app.origin),
    floor: site('floor', floorPortal, floorOrigin),
    stack: stack && site('stack', stack.portal, stack.origin),
    browserVersion: browser.version(),
    async open(target) {
      const context: BrowserContext = await browser.newContext({
        viewport: { width: 1280, height: 900 },
      })
      await context.addInitScript({ path: probePath() })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const firstRowPainted = new Promise<void>((resolve) =>
        page.on('console', (message) => {
          if (message.text() === firstRowMessage(target.frameOrigin)) resolve()
        }),
      )
      await page.goto(`${target.portalUrl}?lang=en&placement=DEFAULT&install=N&user=1`)
      const frame = await waitForFrame(page, target.frameOrigin, 15_000)
      return { page, frame, firstRowPainted, errors, close: () => context.close() }
    },
    async close() {
      await browser.close()
      await Promise.all([
        ...[app, stack].flatMap((served) =>
          served ? [served.portal.close(), closeServer(served.server)] : [],
        ),
        floorPortal.close(),
        closeServer(floorServer),
      ])
    },
  }
}

/**
 * Waits for the session's first dialog row to be painted. Heard, not polled: polling in the frame
 * would have Playwright inject its own script there while the page is still starting.
 */
export const firstRow = (session: Session) =>
  withTimeout(session.firstRowPainted, 30_000, 'the first row')

/** Polls `read` in the frame until it returns a non-null value. */
export async function waitInFrame<T>(
  frame: Frame,
  read: () => T | null,
  timeoutMs: number,
): Promise<T> {
  const handle = await frame.waitForFunction(read, undefined, { timeout: timeoutMs, polling: 16 })
  return (await handle.jsonValue()) as T
}

/** A frame whose main thread is stuck never answers evaluate(); give up after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
