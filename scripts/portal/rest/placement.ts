import { isPlainObject, phpString, text } from './params.ts'
import { RestError, restErrors } from './errors.ts'
import type { MethodHandler } from './types.ts'

/**
 * placement.bind / placement.unbind / placement.get (b24restdocs api-reference/widgets/).
 * Bindings are per portal. Binding needs an administrator, as on a portal.
 */

const KNOWN_PLACEMENT =
  /^(IM_[A-Z_]+|LEFT_MENU|CRM_[A-Z_]+|TASK_[A-Z_]+|CALENDAR_[A-Z_]+|TELEPHONY_[A-Z_]+|USER_PROFILE_[A-Z_]+|PAGE_BACKGROUND_WORKER|CONTACT_CENTER|LANDING_[A-Z_]+|SONET_GROUP_[A-Z_]+|REST_APP_URI|MAIN_[A-Z_]+|CALL_CARD|SPA_[A-Z_]+)$/

/**
 * Placement::checkPermission (rest module lib/api/placement.php) throws the rest module's
 * AccessException: ACCESS_DENIED, "Access denied!", 403 Forbidden.
 */
function requireAdmin(isAdmin: boolean): void {
  if (!isAdmin) throw new RestError(403, 'ACCESS_DENIED', 'Access denied!')
}

/**
 * The im placements that declare `'iconName' => ['type' => 'string', 'require' => true]` (im
 * module lib/V2/Marketplace/Placement.php, onRestServiceBuildDescription).
 */
const NEEDS_ICON = new Set(['IM_NAVIGATION', 'IM_TEXTAREA', 'IM_SIDEBAR'])

/**
 * RegistrationValidator::validateIconName (im module lib/V2/Marketplace): at most 50 characters
 * (`mb_strlen`) and one Latin letter, space or hyphen somewhere (the pattern is not anchored).
 */
function validIconName(icon: string): boolean {
  return [...icon].length <= 50 && /[a-zA-Z -]/.test(icon)
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
  if (NEEDS_ICON.has(placement)) {
    // Placement::prepareOptions → checkRequiredOptionsInParamsOptions: the key must exist
    // (array_key_exists), else Main's ArgumentNullException, which RestException turns into
    // ERROR_ARGUMENT, 400. (A non-array OPTIONS is an ArgumentTypeException there; the portal
    // answers it as the missing key.)
    if (!Object.hasOwn(options, 'iconName')) throw restErrors.argument('iconName')
    // The im validator's verdict is returned, not thrown, and CRestServer::processResponse sends
    // an array with error and error_description as it is: HTTP 200 (see rest/route.ts).
    // Placement::prepareOptions casts a string option with PHP's (string).
    if (!validIconName(phpString(options.iconName))) {
      return {
        result: {
          error: 'INVALID_ERROR_ICON_NAME',
          error_description: 'Field iconName is invalid.',
        },
      }
    }
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
