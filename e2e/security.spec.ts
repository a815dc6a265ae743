import { readFileSync, readdirSync } from 'node:fs'
import type { Page, Request } from '@playwright/test'
import { APP_URL, PORTAL_URL } from '../playwright.config.ts'
import { control, expect, launch, test } from './support/fixtures.ts'
import {
  APP_ORIGIN,
  appFrame,
  heldInitDataCallbacks,
  serveForeignPage,
  holdInitData,
  releaseInitData,
  violations,
  watchCsp,
} from './support/security.ts'

const INTRUDER = 'http://intruder.test'

/** Serves a page of a foreign origin (no network needed: Playwright answers it). */
async function serveIntruder(page: Page, html: string): Promise<void> {
  await page.route(`${INTRUDER}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  )
}

test.describe('headers', () => {
  test('npm run serve sends a strict CSP for the configured portal, and the security headers', async ({
    request,
  }) => {
    for (const response of [
      await request.get(APP_URL),
      await request.post(`${APP_URL}?DOMAIN=x&APP_SID=y`, { form: { AUTH_ID: 'token' } }),
    ]) {
      expect(response.status()).toBe(200)
      const headers = response.headers()
      const csp = new Map(
        headers['content-security-policy']!.split(';').map((part) => {
          const [name = '', ...sources] = part.trim().split(/\s+/)
          return [name, sources] as const
        }),
      )
      expect(csp.get('default-src')).toEqual(["'none'"])
      expect(csp.get('script-src')).toEqual(["'self'"])
      expect(csp.get('connect-src')).toEqual([PORTAL_URL])
      expect(csp.get('img-src')).toEqual(["'self'", PORTAL_URL, 'https://cdn.com.bitrix24.com'])
      expect(csp.get('frame-ancestors')).toEqual([PORTAL_URL])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'none'"])
      expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*[^.]/)
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    }
  })

  test('the build has no inline script or handler, and nothing in it posts to another window with *', async () => {
    const html = readFileSync('dist/index.html', 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//)
      expect(body!.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+=/i) // no inline event handlers
    expect(html).not.toMatch(/<style\b/i)
    // The only `postMessage(…, '*')` in the bundle is axios's setImmediate fallback, which posts
    // to the app's own window and only runs where queueMicrotask is missing (no modern browser).
    for (const file of readdirSync('dist/assets').filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(`dist/assets/${file}`, 'utf8')
      const starPosts = [...code.matchAll(/(\w+)\.postMessage\([^,()]+,\s*[`'"]\*[`'"]\)/g)]
      for (const [call] of starPosts) expect(call).not.toMatch(/^parent\.|^top\.|^opener\./)
    }
  })

  test('the built app runs inside the portal with zero CSP violations', async ({
    page,
    portalUrl,
  }) => {
    const csp = await watchCsp(page)
    const consoleErrors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    const app = await launch(page)
    const target = (await control.truth(portalUrl)).dialogs.find((d) => !d.unread && !d.counter)!
    await app
      .row(target.id)
      .getByRole('button', { name: /^Mark as unread/ })
      .click()
    await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
    await expect(app.row(target.id)).not.toHaveAttribute('data-pending', 'true')
    await app
      .row(target.id)
      .getByRole('button', { name: /^Open .* in the messenger$/ })
      .click()
    await expect(page.locator('#opened-dialog')).toHaveAttribute(
      'data-dialog-id',
      String(target.id),
    )

    expect(await violations(await appFrame(page))).toEqual([])
    expect(csp.console).toEqual([])
    // Demo avatars are on the (offline) CDN: failed loads are network errors, not CSP ones.
    expect(
      consoleErrors.filter(
        (text) =>
          !/ERR_NAME_NOT_RESOLVED|ERR_INTERNET|ERR_CONNECTION|Failed to load resource/.test(text),
      ),
    ).toEqual([])
  })

  test('a page outside the configured portals cannot embed the app', async ({ page }) => {
    const csp = await watchCsp(page)
    const foreign = await serveForeignPage(
      `<iframe id="app" name="127.0.0.1:4612|0|stolen" src="${APP_URL}"></iframe>`,
    )
    try {
      await page.goto(foreign.url)
      await expect.poll(() => csp.console.join('\n')).toMatch(/frame-ancestors/)
      await expect(page.frameLocator('#app').locator('#root')).toHaveCount(0)
    } finally {
      await foreign.close()
    }
  })
})

test.describe('frame messages', () => {
  test('answers from another window of the portal’s origin or from a foreign origin are ignored', async ({
    page,
  }) => {
    await holdInitData(page)
    await serveIntruder(page, '<p>a widget of another site</p>')
    // Inside the app: count the forgeries its window received (this listener is the first, so
    // when it has counted one, the app's own listeners have had it too).
    await page.addInitScript((appOrigin) => {
      if (location.origin !== appOrigin) return
      const received: unknown[] = []
      Object.defineProperty(window, '__forgeries', { value: received })
      addEventListener('message', (event) => {
        if (String(event.data).includes('forged-token')) received.push(event.data)
      })
    }, APP_ORIGIN)
    const requests: Request[] = []
    page.on('request', (r) => requests.push(r))
    const app = await launch(page)
    const [callback] = await heldInitDataCallbacks(page)

    // A forged getInitData: tokens of the intruder's choosing (the app would show the intruder's
    // account as the user's), install mode, the admin flag.
    const forged = `${callback}:${JSON.stringify({
      DOMAIN: 'intruder.test',
      PROTOCOL: 0,
      LANG: 'en',
      PATH: '/',
      AUTH_ID: 'forged-token',
      AUTH_EXPIRES: 3600,
      REFRESH_ID: 'forged-refresh',
      MEMBER_ID: 'x',
      IS_ADMIN: true,
      INSTALL: false,
      FIRST_RUN: false,
      PLACEMENT: 'DEFAULT',
      PLACEMENT_OPTIONS: {},
      USER_OPTIONS: {},
      APP_OPTIONS: {},
    })}`
    // 1. A sibling iframe of the portal's own origin: passes the SDK's origin check.
    await page.evaluate(() => {
      const sibling = document.createElement('iframe')
      sibling.name = 'sibling'
      document.body.append(sibling)
    })
    const sibling = page.frame({ name: 'sibling' })!
    await sibling.evaluate(
      ([message, appOrigin]) => {
        const frame = parent.document.getElementById('app-frame') as HTMLIFrameElement
        frame.contentWindow!.postMessage(message, appOrigin!)
      },
      [forged, APP_ORIGIN],
    )
    // 2. A frame of a foreign origin relaying the same forgery to every frame.
    await page.evaluate((src) => {
      const foreign = document.createElement('iframe')
      foreign.name = 'foreign'
      foreign.src = src
      document.body.append(foreign)
    }, `${INTRUDER}/widget`)
    await expect.poll(() => page.frame({ name: 'foreign' })?.url()).toContain(INTRUDER)
    await page.frame({ name: 'foreign' })!.evaluate((message) => {
      for (let i = 0; i < parent.frames.length; i++) parent.frames[i]!.postMessage(message, '*')
    }, forged)

    // Still waiting for the portal (after 3 s the same screen says the portal is slow).
    const waiting = app.frame.getByRole('heading', {
      name: /^(Connecting to Bitrix24…|Bitrix24 is slow to answer)$/,
    })
    await expect(waiting).toBeVisible()
    // Both forgeries reached the app, and it has drawn twice since: had it taken one, it would
    // be booting now.
    const frame = await appFrame(page)
    await expect
      .poll(() =>
        frame.evaluate(() => (window as unknown as { __forgeries: unknown[] }).__forgeries.length),
      )
      .toBe(2)
    await frame.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    await expect(waiting).toBeVisible()
    await expect(app.rows).toHaveCount(0)

    // The real portal answers: the app boots on the real data and never used the forgery.
    await releaseInitData(page)
    await expect(app.rows.first()).toBeVisible()
    const rest = requests.filter((r) => r.url().includes('/rest/'))
    expect(rest.length).toBeGreaterThan(0)
    for (const request of rest) {
      expect(request.url().startsWith(`${PORTAL_URL}/rest/`)).toBe(true)
      expect(request.postData() ?? '').not.toContain('forged')
    }
    expect(
      requests.filter((r) => r.url().startsWith(INTRUDER) && !r.url().endsWith('/widget')),
    ).toEqual([])
  })

  test('the app posts only to the portal’s origin, never to *', async ({ page }) => {
    await page.addInitScript((appOrigin) => {
      if (location.origin !== appOrigin) return
      // Inside the app: record any post to its own window with the target `*`.
      const own = window.postMessage.bind(window)
      const starPosts: unknown[] = []
      Object.defineProperty(window, '__starPosts', { value: starPosts })
      window.postMessage = ((message: unknown, target?: unknown, transfer?: Transferable[]) => {
        if (target === '*') starPosts.push(message)
        own(message, target as string, transfer)
      }) as typeof window.postMessage
    }, APP_ORIGIN)
    await launch(page)
    // A second app frame in the portal page whose name claims another portal: it posts its
    // getInitData to that portal's origin, so the page that really embeds it must get nothing.
    // Had it posted to `*`, this page would receive it.
    await page.evaluate((appUrl) => {
      const received: string[] = []
      Object.defineProperty(window, '__received', { value: received })
      const frame = document.createElement('iframe')
      frame.id = 'lying-frame'
      frame.name = 'elsewhere.test|0|sid123'
      frame.src = `${appUrl}?DOMAIN=elsewhere.test&PROTOCOL=0&LANG=en&APP_SID=sid123`
      addEventListener('message', (event) => {
        if (event.source === frame.contentWindow) received.push(String(event.data))
      })
      document.body.append(frame)
    }, APP_URL)
    const lying = page.frameLocator('#lying-frame')
    // The app says itself that it has waited a while for an answer to what it posted.
    await expect(lying.getByRole('heading', { name: 'Bitrix24 is slow to answer' })).toBeVisible({
      timeout: 10_000,
    })
    expect(
      await page.evaluate(() => (window as unknown as { __received: string[] }).__received),
    ).toEqual([])
    for (const frame of page.frames().filter((f) => f.url().startsWith(APP_ORIGIN))) {
      expect(
        await frame.evaluate(() => (window as unknown as { __starPosts: unknown[] }).__starPosts),
      ).toEqual([])
    }
  })
})

test.describe('the access token', () => {
  test('never lands in storage, a URL, a log line or the page', async ({ page, portalUrl }) => {
    const tokens = new Set<string>()
    const urls: string[] = []
    const logs: string[] = []
    page.on('request', (request) => {
      urls.push(request.url())
      if (!request.url().includes('/rest/')) return
      const auth = (request.postDataJSON() as { auth?: unknown } | null)?.auth
      if (typeof auth === 'string') tokens.add(auth)
    })
    page.on('console', (message) => logs.push(message.text()))

    const app = await launch(page)
    const target = (await control.truth(portalUrl)).dialogs.find((d) => !d.unread && !d.counter)!
    await control.setAuth(portalUrl, { expireNow: true }) // a refreshAuth brings a second token
    await app
      .row(target.id)
      .getByRole('button', { name: /^Mark as unread/ })
      .click()
    await expect(app.row(target.id)).toHaveAttribute('data-unread', 'true')
    await expect(app.row(target.id)).not.toHaveAttribute('data-pending', 'true')
    await expect(page.locator('#request-log')).toContainText('refreshAuth')
    expect(tokens.size).toBeGreaterThanOrEqual(2)

    const frame = await appFrame(page)
    const inFrame = await frame.evaluate(() => {
      const dump = (get: () => Storage) => {
        try {
          const storage = get()
          return JSON.stringify(Object.entries(storage))
        } catch {
          return '' // blocked third-party storage: nothing can be in it
        }
      }
      return {
        url: location.href,
        storage: dump(() => localStorage) + dump(() => sessionStorage),
        cookie: (() => {
          try {
            return document.cookie
          } catch {
            return ''
          }
        })(),
        html: document.documentElement.outerHTML,
      }
    })
    for (const token of tokens) {
      expect(urls.filter((url) => url.includes(token))).toEqual([])
      expect(logs.filter((line) => line.includes(token))).toEqual([])
      expect(inFrame.url).not.toContain(token)
      expect(inFrame.storage).not.toContain(token)
      expect(inFrame.cookie).not.toContain(token)
      expect(inFrame.html).not.toContain(token)
    }
  })
})

test.describe('third-party storage blocked', () => {
  test('the app works fully when localStorage and sessionStorage throw', async ({
    page,
    portalUrl,
  }) => {
    await page.addInitScript((appOrigin) => {
      if (location.origin !== appOrigin) return
      for (const name of ['localStorage', 'sessionStorage'] as const) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException('third-party storage is blocked', 'SecurityError')
          },
        })
      }
      Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined })
    }, APP_ORIGIN)
    const app = await launch(page, { placement: 'IM_NAVIGATION' })
    await expect(app.rows.first()).toBeVisible()
    const blocked = await (
      await appFrame(page)
    ).evaluate(() => {
      try {
        void window.localStorage.length
        return false
      } catch {
        return true
      }
    })
    expect(blocked).toBe(true)

    const truth = await control.truth(portalUrl)
    await expect(app.rows.first()).toBeVisible()
    const read = truth.dialogs.find((d) => !d.unread && !d.counter)!
    const unread = truth.dialogs.find((d) => d.unread || d.counter > 0)!
    await app
      .row(read.id)
      .getByRole('button', { name: /^Mark as unread/ })
      .click()
    await app
      .row(unread.id)
      .getByRole('button', { name: /^Mark as read/ })
      .click()
    await expect(app.row(read.id)).toHaveAttribute('data-unread', 'true')
    await expect(app.row(unread.id)).toHaveAttribute('data-unread', 'false')
    await expect(app.frame.getByRole('alert')).toHaveCount(0)
    await expect
      .poll(async () => {
        const after = await control.truth(portalUrl)
        const find = (id: string | number) => after.dialogs.find((d) => d.id === id)!
        return [find(read.id).unread, find(unread.id).unread, find(unread.id).counter]
      })
      .toEqual([true, false, 0])
  })
})
