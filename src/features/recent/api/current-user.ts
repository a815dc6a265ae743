import { queryOptions } from '@tanstack/react-query'
import type { Portal } from '../../../bitrix24/connection.ts'
import { callMethod } from '../../../bitrix24/rest.ts'

export const PROFILE_COMMAND = { method: 'profile', params: {} }

/** The user's id in REST `profile`'s answer; 0 when it holds none. */
export function readProfileId(profile: unknown): number {
  const id = Number((profile as { ID?: unknown } | null)?.ID)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}

/**
 * The current user's id, from REST `profile`: it needs no scope ("allows getting basic
 * information about the current user without any scopes, unlike user.current" —
 * dev.1c-bitrix.ru rest_help/general/profile.php) and getInitData does not carry it. Asked once
 * per launch: a launch is one user.
 */
export function currentUserQueryOptions(portal: Portal) {
  // One portal per page load, so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['profile'] as const,
    queryFn: async () =>
      readProfileId(
        await callMethod<unknown>(portal, PROFILE_COMMAND.method, PROFILE_COMMAND.params),
      ),
    staleTime: Infinity,
  })
}
