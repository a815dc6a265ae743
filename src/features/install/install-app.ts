import type { Portal } from '../../bitrix24/connection.ts'
import { callMethod, RestError } from '../../bitrix24/rest.ts'
import { handlerUrl } from './handler-url.ts'
import { PLACEMENT_TITLES } from './placement-titles.ts'

export const PLACEMENT = 'IM_NAVIGATION'
/** Font Awesome 4 name the messenger draws for the navigation item. */
export const ICON_NAME = 'fa-envelope'

export const INSTALL_STEPS = ['check', 'unbind', 'bind', 'finish'] as const
export type InstallStep = (typeof INSTALL_STEPS)[number]

interface Binding {
  placement: string
  handler: string
}

function readBindings(result: unknown): Binding[] {
  if (!Array.isArray(result)) return []
  return result.flatMap((item: unknown) => {
    if (item === null || typeof item !== 'object') return []
    const record = item as Record<string, unknown>
    const placement = record.placement ?? record.PLACEMENT
    const handler = record.handler ?? record.HANDLER
    return typeof placement === 'string' && typeof handler === 'string'
      ? [{ placement, handler }]
      : []
  })
}

export function bindParams(handler: string) {
  return {
    PLACEMENT,
    HANDLER: handler,
    TITLE: PLACEMENT_TITLES.en,
    LANG_ALL: Object.fromEntries(
      Object.entries(PLACEMENT_TITLES).map(([lang, title]) => [lang, { TITLE: title }]),
    ),
    OPTIONS: { iconName: ICON_NAME, extranet: 'N' },
  }
}

/**
 * Binds the app to the messenger's navigation and tells the portal the install is done. Safe to run
 * again: every IM_NAVIGATION binding of this app (an older handler address, or this one from an
 * earlier attempt) is removed first, so the portal ends with exactly one.
 */
export async function installApp(
  portal: Portal,
  { handler = handlerUrl(), onStep }: { handler?: string; onStep?: (step: InstallStep) => void },
): Promise<void> {
  onStep?.('check')
  const bindings = readBindings(await callMethod<unknown>(portal, 'placement.get'))

  onStep?.('unbind')
  const old = new Set(bindings.filter((b) => b.placement === PLACEMENT).map((b) => b.handler))
  for (const oldHandler of old) {
    await callMethod(portal, 'placement.unbind', { PLACEMENT, HANDLER: oldHandler })
  }

  onStep?.('bind')
  try {
    await callMethod(portal, 'placement.bind', bindParams(handler))
  } catch (error) {
    // Another tab may have bound the same handler between our unbind and bind: that is the goal.
    const already = error instanceof RestError && /already bind/i.test(error.message)
    if (!already) throw error
  }

  onStep?.('finish')
  await portal.installFinish()
}
