/**
 * Helpers of the security, hostile-data and screen specs: CSP violation capture in the app's
 * frame, and a hand on the portal page's answers to getInitData (hold them to play a slow or
 * silent portal, or to let an intruder try to answer first).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type Frame, type Page } from '@playwright/test'
import { APP_URL } from '../../playwright.config.ts'

export const APP_ORIGIN = new URL(APP_URL).origin

export interface Violation {
  directive: string
  blockedURI: string
  sample: string
}

/**
 * Records every `securitypolicyviolation` of every frame into `window.__cspViolations`, and
 * every CSP message Chromium writes to the console (frame-ancestors refusals land there).
 */
export async function watchCsp(page: Page): Promise<{ console: string[] }> {
  await page.addInitScript(() => {
    const seen: { directive: string; blockedURI: string; sample: string }[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
      })
    })
  })
  const messages: string[] = []
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) messages.push(message.text())
  })
  return { console: messages }
}

/** The app's frame (the current launch), once it has loaded. */
export async function appFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().startsWith(APP_ORIGIN))
  await expect.poll(() => find() !== undefined, { message: 'the app frame loads' }).toBe(true)
  return find()!
}

/** A page of another origin, served from loopback (Chromium refuses a public page's frames). */
export async function serveForeignPage(
  html: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export function violations(frame: Frame): Promise<Violation[]> {
  return frame.evaluate(
    () => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? [],
  )
}

/**
 * From now on, the portal page (top frame only) holds the app's getInitData messages instead
 * of answering them: `releaseInitData` hands them to the portal as they came (same source and
 * origin). Until then the app waits for a portal that does not answer.
 */
export async function holdInitData(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.top !== window) return
    const held: { data: string; origin: string; source: MessageEventSource | null }[] = []
    let holding = true
    window.addEventListener(
      'message',
      (event) => {
        if (!holding || !event.isTrusted) return
        if (typeof event.data !== 'string' || !event.data.startsWith('getInitData:')) return
        event.stopImmediatePropagation()
        held.push({ data: event.data, origin: event.origin, source: event.source })
      },
      true,
    )
    Object.defineProperty(window, '__initData', {
      value: {
        /** The callback id of each held getInitData (`getInitData:CALLBACK:APP_SID`). */
        callbacks: () => held.map((m) => m.data.split(':').at(-2) ?? ''),
        release() {
          holding = false
          for (const message of held.splice(0))
            window.dispatchEvent(
              new MessageEvent('message', {
                data: message.data,
                origin: message.origin,
                source: message.source,
              }),
            )
        },
      },
    })
  })
}

interface InitDataHold {
  callbacks(): string[]
  release(): void
}

/** Callback ids of the getInitData messages held so far (waits for at least one). */
export async function heldInitDataCallbacks(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => (window as unknown as { __initData: InitDataHold }).__initData.callbacks().length > 0,
  )
  return page.evaluate(() =>
    (window as unknown as { __initData: InitDataHold }).__initData.callbacks(),
  )
}

export async function releaseInitData(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { __initData: InitDataHold }).__initData.release(),
  )
}
