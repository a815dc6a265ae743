import { restErrors } from './errors.ts'
import { imDialogGet } from './dialog-get.ts'
import { upperCaseNames } from './params.ts'
import type { Params } from './params.ts'
import type { MethodContext, MethodHandler, MethodResult } from './types.ts'
import { imRecentGet, imRecentHide, imRecentList, imRecentPin, imRecentUnread } from './recent.ts'
import { imDialogRead, imDialogReadAll, imDialogUnread } from './dialog.ts'
import { imCountersGet } from './counters.ts'
import { imDialogMessagesGet } from './messages.ts'
import { imSearchChatList, imSearchUserList } from './search.ts'
import { placementBind, placementGet, placementUnbind } from './placement.ts'
import { profile } from './profile.ts'

/** The methods this portal knows. Everything else is ERROR_METHOD_NOT_FOUND (404). */
const METHODS: Record<string, MethodHandler> = {
  'im.recent.list': imRecentList,
  'im.recent.get': imRecentGet,
  'im.recent.unread': imRecentUnread,
  'im.recent.pin': imRecentPin,
  'im.recent.hide': imRecentHide,
  'im.dialog.read': imDialogRead,
  'im.dialog.read.all': imDialogReadAll,
  'im.dialog.unread': imDialogUnread,
  'im.counters.get': imCountersGet,
  'im.dialog.messages.get': imDialogMessagesGet,
  'im.dialog.get': imDialogGet,
  // The private aliases run the same handlers (CIMRestService::OnRestServiceBuildDescription).
  'im.search.user.list': imSearchUserList,
  'im.search.user': imSearchUserList,
  'im.search.chat.list': imSearchChatList,
  'im.search.chat': imSearchChatList,
  'placement.bind': placementBind,
  'placement.unbind': placementUnbind,
  'placement.get': placementGet,
  profile,
}

/** Portals treat method names case-insensitively and accept a `.json` suffix. */
export function normalizeMethod(method: string): string {
  return method
    .trim()
    .toLowerCase()
    .replace(/\.json$/, '')
}

export function isKnownMethod(method: string): boolean {
  return Object.hasOwn(METHODS, normalizeMethod(method))
}

/**
 * Runs one method with its parameter names upper-cased (see upperCaseNames). Throws RestError for documented errors (and for unknown methods). */
export function dispatch(method: string, params: Params, context: MethodContext): MethodResult {
  const name = normalizeMethod(method)
  if (!Object.hasOwn(METHODS, name)) throw restErrors.methodNotFound()
  const handler = METHODS[name] as MethodHandler
  return handler(upperCaseNames(params), context)
}
