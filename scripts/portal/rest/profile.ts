import { portalUser } from '../data/users.ts'
import type { MethodHandler } from './types.ts'

/**
 * `profile`: the current user's basic data, for any app whatever its scopes ("allows getting
 * basic information about the current user without any scopes, unlike user.current" —
 * dev.1c-bitrix.ru rest_help/general/profile.php). ID comes as a string, ADMIN as a boolean.
 */
export const profile: MethodHandler = (_params, { userId, isAdmin }) => {
  const user = portalUser(userId)
  return {
    result: {
      ID: String(userId),
      ADMIN: isAdmin,
      NAME: user?.firstName ?? '',
      LAST_NAME: user?.lastName ?? '',
      PERSONAL_GENDER: user?.gender ?? '',
      PERSONAL_PHOTO: '',
      TIME_ZONE: null,
      TIME_ZONE_OFFSET: 3600,
    },
  }
}
