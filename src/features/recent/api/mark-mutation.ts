import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query'
import { usePortal } from '../../../bitrix24/portal-context.tsx'
import { callMethod } from '../../../bitrix24/rest.ts'
import { applyMark, type DialogId } from '../model/dialog.ts'
import { markScope, recentKeys } from './keys.ts'
import type { RecentItemPayload, RecentListPayload } from './payload.ts'

export interface MarkVariables {
  dialogId: DialogId
  /** true → set the manual unread mark (ACTION Y); false → mark read (ACTION N). */
  unread: boolean
}

/** im.recent.unread answered `result: false`: the portal has no such dialog for this user. */
export class DialogGoneError extends Error {
  constructor() {
    super('The dialog no longer exists')
    this.name = 'DialogGoneError'
  }
}

export const markMutationKey = (dialogKey: string) => [...recentKeys.markMutations(), dialogKey]

/** Writes a confirmed change into the cached pages, so the row keeps it once the mutation is done. */
function confirmInCache(queryClient: QueryClient, { dialogId, unread }: MarkVariables) {
  const key = String(dialogId)
  queryClient.setQueryData<InfiniteData<RecentListPayload, number>>(recentKeys.list(), (data) => {
    if (!data) return data
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items?.map((raw) => {
          const item = raw as RecentItemPayload
          if (typeof raw !== 'object' || raw === null || String(item.id) !== key) return raw
          const marked = applyMark(
            { markedUnread: item.unread === true, counter: Number(item.counter) || 0 },
            unread,
          )
          return { ...item, unread: marked.markedUnread, counter: marked.counter }
        }),
      })),
    }
  })
}

/**
 * The toggle of one dialog. Its changes share a scope, so they reach the server in click order;
 * the row shows the latest pending change on top of the cache (see useDialogChange), and a
 * failure simply stops showing it — no other row or later click is touched.
 */
export function useMarkDialog(dialogKey: string) {
  const portal = usePortal()
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: markMutationKey(dialogKey),
    scope: { id: markScope(dialogKey) },
    mutationFn: async ({ dialogId, unread }: MarkVariables) => {
      const done = await callMethod<boolean>(portal, 'im.recent.unread', {
        DIALOG_ID: dialogId,
        ACTION: unread ? 'Y' : 'N',
      })
      if (done !== true) throw new DialogGoneError()
    },
    // A list refetch already on its way may carry the state from before this click.
    onMutate: () => queryClient.cancelQueries({ queryKey: recentKeys.list() }),
    onSuccess: (_result, variables) => confirmInCache(queryClient, variables),
    onSettled: () => {
      // Refetch once, when the last change in flight settles — not after each click.
      if (queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) === 1) {
        return queryClient.invalidateQueries({ queryKey: recentKeys.list() })
      }
    },
  })
}
