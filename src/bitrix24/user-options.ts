import type { Portal } from './connection.ts'

/**
 * Per-user settings kept by the portal ($b24.options): they come back in getInitData on the next
 * launch, and unlike browser storage they work in a third-party iframe with storage blocked.
 */
export function readUserOption(portal: Portal, name: string): string | null {
  try {
    const value: unknown = portal.options.userGet(name)
    return typeof value === 'string' ? value : null
  } catch {
    return null // the SDK throws for an option that was never set
  }
}

export function writeUserOption(portal: Portal, name: string, value: string): void {
  void portal.options.userSet(name, value).catch(() => {})
}
