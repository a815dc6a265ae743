import type { Portal } from '../../bitrix24/connection.ts'
import { callMethod, RestError } from '../../bitrix24/rest.ts'
import type { PortalLanguage } from '../../i18n/languages.ts'
import { handlerUrl } from './handler-url.ts'
import { CONTEXT_MENU_TITLES, PLACEMENT_TITLES } from './placement-titles.ts'

/** Font Awesome 4 name the messenger draws for the navigation item. */
export const ICON_NAME = 'fa-envelope'

/**
 * Where the app lives in the messenger: the list as a navigation item, and "Mark unread from here"
 * in every message's menu. Both open the same handler; the app tells them apart by PLACEMENT
 * (b24restdocs api-reference/widgets/im/context-menu.md: "You can use the same handler URL for all
 * your widgets").
 */
export const PLACEMENTS = [
  {
    placement: 'IM_NAVIGATION',
    titles: PLACEMENT_TITLES,
    // The navigation item needs its icon (the portal answers ERROR_ARGUMENT without one).
    options: { iconName: ICON_NAME, extranet: 'N' },
  },
  { placement: 'IM_CONTEXT_MENU', titles: CONTEXT_MENU_TITLES, options: { extranet: 'N' } },
] as const satisfies readonly {
  placement: string
  titles: Record<PortalLanguage, string>
  options: Record<string, string>
}[]

export type PlacementCode = (typeof PLACEMENTS)[number]['placement']

export const INSTALL_STEPS = ['check', 'unbind', 'bind', 'bindMenu', 'finish'] as const
export type InstallStep = (typeof INSTALL_STEPS)[number]

const BIND_STEP: Record<PlacementCode, InstallStep> = {
  IM_NAVIGATION: 'bind',
  IM_CONTEXT_MENU: 'bindMenu',
}

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

export function bindParams(placement: PlacementCode, handler: string) {
  const spec = placement === 'IM_NAVIGATION' ? PLACEMENTS[0] : PLACEMENTS[1]
  return {
    PLACEMENT: spec.placement,
    HANDLER: handler,
    TITLE: spec.titles.en,
    LANG_ALL: Object.fromEntries(
      Object.entries(spec.titles).map(([lang, title]) => [lang, { TITLE: title }]),
    ),
    OPTIONS: spec.options,
  }
}

/**
 * Binds the app to the messenger's navigation and to the message menu, then tells the portal the
 * install is done. Safe to run again, by the same or another administrator: every binding of
 * these placements (an older handler address, or this one from an earlier install) is removed
 * first, so the portal ends with exactly one of each, and "Handler already binded" never comes up.
 */
export async function installApp(
  portal: Portal,
  { handler = handlerUrl(), onStep }: { handler?: string; onStep?: (step: InstallStep) => void },
): Promise<void> {
  onStep?.('check')
  const bindings = readBindings(await callMethod<unknown>(portal, 'placement.get'))

  onStep?.('unbind')
  for (const { placement } of PLACEMENTS) {
    const old = new Set(bindings.filter((b) => b.placement === placement).map((b) => b.handler))
    for (const oldHandler of old) {
      await callMethod(portal, 'placement.unbind', { PLACEMENT: placement, HANDLER: oldHandler })
    }
  }

  for (const { placement } of PLACEMENTS) {
    onStep?.(BIND_STEP[placement])
    try {
      await callMethod(portal, 'placement.bind', bindParams(placement, handler))
    } catch (error) {
      // Another admin may have bound the same handler between our unbind and bind: that is the goal.
      const already = error instanceof RestError && /already bind/i.test(error.message)
      if (!already) throw error
    }
  }

  onStep?.('finish')
  await portal.installFinish()
}
