import { isPlainObject, text } from './params.ts'
import { RestError, restErrors } from './errors.ts'
import type { MethodHandler } from './types.ts'

/**
 * placement.bind / placement.unbind / placement.get (b24restdocs api-reference/widgets/).
 * Bindings are per portal. Binding needs an administrator, as on a portal.
 */

const KNOWN_PLACEMENT =
  /^(IM_[A-Z_]+|LEFT_MENU|CRM_[A-Z_]+|TASK_[A-Z_]+|CALENDAR_[A-Z_]+|TELEPHONY_[A-Z_]+|USER_PROFILE_[A-Z_]+|PAGE_BACKGROUND_WORKER|CONTACT_CENTER|LANDING_[A-Z_]+|SONET_GROUP_[A-Z_]+|REST_APP_URI|MAIN_[A-Z_]+|CALL_CARD|SPA_[A-Z_]+)$/

function requireAdmin(isAdmin: boolean): void {
  if (!isAdmin) {
    throw new RestError(
      403,
      'ACCESS_DENIED',
      'Access denied! Application administrator rights required',
    )
  }
}

export const placementBind: MethodHandler = (params, { store, isAdmin }) => {
  requireAdmin(isAdmin)
  const placement = text(params, 'PLACEMENT')?.trim().toUpperCase()
  if (!placement) throw restErrors.argument('PLACEMENT')
  const handler = text(params, 'HANDLER')?.trim()
  if (!handler) throw restErrors.argument('HANDLER')
  if (!KNOWN_PLACEMENT.test(placement)) {
    throw new RestError(400, 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found')
  }
  const options = isPlainObject(params.OPTIONS) ? params.OPTIONS : {}
  // IM_NAVIGATION shows an icon in the messenger's navigation row; it cannot do without one.
  if (placement === 'IM_NAVIGATION' && !text(options, 'iconName')) {
    throw restErrors.argument('OPTIONS[iconName]')
  }
  if (store.placements.some((b) => b.placement === placement && b.handler === handler)) {
    throw new RestError(
      400,
      'ERROR_CORE',
      'Unable to set placement handler: Handler already binded',
    )
  }
  store.placements.push({
    placement,
    handler,
    title: text(params, 'TITLE') ?? '',
    description: text(params, 'DESCRIPTION') ?? '',
    langAll: isPlainObject(params.LANG_ALL) ? params.LANG_ALL : {},
    options,
    userId: 0,
  })
  return { result: true }
}

export const placementUnbind: MethodHandler = (params, { store, isAdmin }) => {
  requireAdmin(isAdmin)
  const placement = text(params, 'PLACEMENT')?.trim().toUpperCase()
  if (!placement) throw restErrors.argument('PLACEMENT')
  const handler = text(params, 'HANDLER')?.trim()
  const before = store.placements.length
  store.placements = store.placements.filter(
    (b) =>
      !(
        b.placement === placement &&
        (handler === undefined || handler === '' || b.handler === handler)
      ),
  )
  return { result: { count: before - store.placements.length } }
}

export const placementGet: MethodHandler = (_params, { store }) => ({
  result: store.placements.map((b) => ({
    placement: b.placement,
    userId: b.userId,
    handler: b.handler,
    options: b.options,
    title: b.title,
    description: b.description,
    langAll: b.langAll,
  })),
})
