import { act, waitFor } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import { createFakePortal, imMethods } from '../../../test/fake-portal.ts'
import { renderHookWithPortal } from '../../../test/render-with-portal.tsx'
import { useUnreadHeading } from './use-unread-heading.ts'

it('counts unread messages and marked chats, and puts the count in the portal’s title', async () => {
  const server = [
    { id: 1, title: 'Anna', counter: 3, unread: false },
    { id: 'chat7', title: 'Team', counter: 0, unread: true },
    { id: 2, title: 'Boris', counter: 0, unread: false },
  ]
  const { portal } = createFakePortal({ ...imMethods(server), profile: () => ({ ID: '1' }) })
  const { result } = await renderHookWithPortal(() => useUnreadHeading(1), portal)
  await waitFor(() => expect(result.current).toEqual({ total: 4, count: '4' }))
  expect(portal.parent.setTitle).toHaveBeenLastCalledWith('(4) Recent chats')
})

it('reads the total’s later pages once the list on screen has loaded nothing for a second', async () => {
  const server = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, counter: 1, unread: false }))
  const { portal } = createFakePortal({
    // 200 a page, as the portal pages im.recent.list.
    'im.recent.list': (params) => {
      const offset = Number(params.OFFSET)
      const items = server.slice(offset, offset + Number(params.LIMIT))
      return { items, hasMore: offset + items.length < server.length }
    },
    profile: () => ({ ID: '1' }),
  })
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const { result } = await renderHookWithPortal(() => useUnreadHeading(1), portal)
    /** Moves the clock in small steps (each answer is a few promises and a yield). */
    const wait = async (ms: number) => {
      for (let spent = 0; spent < ms; spent += 50) await act(() => vi.advanceTimersByTimeAsync(50))
    }
    await wait(200)
    expect(result.current?.total).toBe(200)
    await wait(700)
    expect(result.current?.total).toBe(200)
    await wait(400)
    expect(result.current?.total).toBe(250)
  } finally {
    vi.useRealTimers()
  }
})
