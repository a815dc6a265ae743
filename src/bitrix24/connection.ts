import { initializeB24Frame, type B24Frame } from '@bitrix24/b24jssdk'
import { installFrameGuard } from './frame-guard.ts'

export type Portal = B24Frame

/** Why the app could not start inside a portal; each kind gets its own screen. */
export type BootFailureKind = 'outside-bitrix24' | 'portal-silent' | 'failed'

export class BootFailure extends Error {
  readonly kind: BootFailureKind
  constructor(kind: BootFailureKind, message: string) {
    super(message)
    this.name = 'BootFailure'
    this.kind = kind
  }
}

/** getInitData has no timeout in the SDK; a portal that never answers would leave a spinner forever. */
export const PORTAL_ANSWER_TIMEOUT_MS = 10_000

/** After this long without an answer the connecting screen says the portal is slow. */
export const PORTAL_SLOW_MS = 3_000

/**
 * Retry and pacing for REST. The portal's cloud limit is a leaky bucket of 50 that drains 2/s;
 * the SDK's limiter mirrors it client-side, so a burst queues instead of failing. More retries than
 * the default 3 let a click survive a short outage before the user is told it failed.
 */
const RESTRICTION_PARAMS = {
  // A little under the portal's 50: the two buckets drain on different clocks, and a request the
  // portal refuses is a request spent (a bulk change of N dialogs must cost ⌈N/50⌉ requests).
  rateLimit: { burstLimit: 40, drainRate: 2, adaptiveEnabled: true },
  maxRetries: 4,
  retryDelay: 500,
  retryOnNetworkError: true,
}

function classify(error: unknown): BootFailure {
  if (error instanceof BootFailure) return error
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'JSSDK_CLIENT_SIDE_WARNING') {
    return new BootFailure('outside-bitrix24', 'The app was opened outside a Bitrix24 portal.')
  }
  return new BootFailure('failed', error instanceof Error ? error.message : String(error))
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new BootFailure('portal-silent', 'The portal did not answer.')),
      ms,
    )
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })
}

let teardownRegistered = false

/**
 * Connects to the portal that hosts this iframe. initializeB24Frame() keeps its one pending
 * promise, so calling this again (a Retry after a silent portal) waits on the same handshake
 * instead of starting a second one.
 */
export async function connectToPortal(timeoutMs = PORTAL_ANSWER_TIMEOUT_MS): Promise<Portal> {
  installFrameGuard()
  try {
    const portal = await withTimeout(
      initializeB24Frame({ restrictionParams: RESTRICTION_PARAMS }),
      timeoutMs,
    )
    if (!teardownRegistered) {
      teardownRegistered = true
      // The frame listens on window 'message'; release it when the document goes away.
      window.addEventListener('pagehide', () => portal.destroy(), { once: true })
    }
    return portal
  } catch (error) {
    throw classify(error)
  }
}
