/**
 * The SDK (b24jssdk 2.2.0, frame/message/controller.mjs) accepts a frame answer when its
 * `event.origin` is the portal's origin, and checks nothing else. Any other window of that
 * origin — a sibling iframe, a popup or another tab of the portal that got hold of this frame —
 * could then answer the app's commands in the portal's place: a forged getInitData (its own
 * tokens, so the app shows an account of the intruder's choosing; install mode; the admin flag;
 * the placement), a forged refreshAuth, or fake answers to anything else.
 *
 * Only the window that embeds the app is the portal. This guard runs before the SDK's
 * listener (capture phase, registered first) and swallows every message whose source is
 * neither the parent nor the app's own window (the SDK still checks the origin of those).
 */

let installed = false

export function isFromPortalWindow(event: Pick<MessageEvent, 'source'>): boolean {
  return (
    event.source !== null &&
    ((window.parent !== window && event.source === window.parent) || event.source === window)
  )
}

function guard(event: MessageEvent): void {
  if (!isFromPortalWindow(event)) event.stopImmediatePropagation()
}

/** Idempotent; call before the SDK subscribes to `message`. */
export function installFrameGuard(): void {
  if (installed) return
  installed = true
  window.addEventListener('message', guard, { capture: true })
}
