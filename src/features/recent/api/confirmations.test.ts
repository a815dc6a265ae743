import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { confirmInCache, withLaterConfirmations } from './confirmations.ts'

const page = () => ({
  items: [
    { id: 1, unread: false, counter: 0 },
    { id: 'chat2', unread: true, counter: 3 },
  ],
  hasMore: false,
})

afterEach(() => {
  vi.useRealTimers()
})

describe('confirmations', () => {
  it('lay a change confirmed while a page was on its way over that page', () => {
    vi.useFakeTimers({ now: 1_000 })
    const client = new QueryClient()
    const requestedAt = Date.now()
    vi.setSystemTime(1_500)
    confirmInCache(client, [
      { dialogId: 1, unread: true },
      { dialogId: 'chat2', unread: false },
    ])
    expect(withLaterConfirmations(client, page(), requestedAt).items).toEqual([
      { id: 1, unread: true, counter: 0 },
      { id: 'chat2', unread: false, counter: 0 },
    ])
  })

  it('leave a page requested after the confirmation as the server sent it', () => {
    vi.useFakeTimers({ now: 1_000 })
    const client = new QueryClient()
    confirmInCache(client, [{ dialogId: 1, unread: true }])
    vi.setSystemTime(2_000)
    expect(withLaterConfirmations(client, page(), Date.now())).toEqual(page())
  })

  it('write confirmed changes into every cached list', () => {
    const client = new QueryClient()
    client.setQueryData(['recent', 'list', 'all'], { pages: [page()], pageParams: [0] })
    client.setQueryData(['recent', 'list', 'unread'], { pages: [page()], pageParams: [0] })
    confirmInCache(client, [{ dialogId: 'chat2', unread: false }])
    for (const filter of ['all', 'unread']) {
      const data = client.getQueryData<{ pages: ReturnType<typeof page>[] }>([
        'recent',
        'list',
        filter,
      ])
      expect(data?.pages[0]?.items[1]).toEqual({ id: 'chat2', unread: false, counter: 0 })
    }
  })

  it('leave the pages a change does not touch as they were, so the list redoes only the one', () => {
    const client = new QueryClient()
    const untouched = { items: [{ id: 7, unread: false, counter: 0 }], hasMore: true }
    client.setQueryData(['recent', 'list', 'all'], {
      pages: [untouched, page()],
      pageParams: [0, 200],
    })
    confirmInCache(client, [{ dialogId: 'chat2', unread: false }])
    const data = client.getQueryData<{ pages: unknown[] }>(['recent', 'list', 'all'])
    expect(data?.pages[0]).toBe(untouched)
    expect(data?.pages[1]).not.toEqual(page())
  })
})
