import { act, waitFor } from '@testing-library/react'
import { expect, it } from 'vitest'
import { deferred } from '../../../test/fake-portal.ts'
import { dialogOf, renderMarking } from '../../../test/recent-marking.ts'

// A page the query library brings back late — TanStack Query's fetchNextPage resolves with the
// pages it saw when it started plus the new one — must not undo a change confirmed meanwhile.
it('keeps a change confirmed while the next page was loading, once that page lands', async () => {
  const nextPage = deferred<unknown>()
  const { result, server } = await renderMarking(
    [
      { id: 1, title: 'Anna', counter: 0, unread: false },
      { id: 2, title: 'Boris', counter: 0, unread: false },
      { id: 3, title: 'Clara', counter: 0, unread: false },
    ],
    {
      list: (params, dialogs) => {
        const offset = Number(params.OFFSET)
        if (offset === 0)
          return { items: dialogs.slice(0, 2).map((d) => ({ ...d })), hasMore: true }
        // The queue's page, past the end: no queue here.
        if (offset >= 1_000_000_000) return { items: [], hasMore: false }
        return nextPage.promise
      },
    },
  )
  await waitFor(() => expect(result.current.entries).toHaveLength(2))

  let loading!: Promise<unknown>
  act(() => {
    loading = result.current.query.fetchNextPage()
  })
  act(() => result.current.marks.toggle(dialogOf(result.current, 1), true))
  await waitFor(() => expect(server[0]?.unread).toBe(true))
  await waitFor(() => expect(result.current.marks.pending.pending.size).toBe(0))
  expect(dialogOf(result.current, 1).markedUnread).toBe(true)

  await act(async () => {
    nextPage.resolve({ items: [{ ...server[2] }], hasMore: false })
    await loading
  })
  expect(result.current.entries).toHaveLength(3)
  expect(dialogOf(result.current, 1).markedUnread).toBe(true)
})
