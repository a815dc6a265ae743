import { QueryClient, InfiniteQueryObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { createFakePortal } from '../../../test/fake-portal.ts'
import { loadWholeList } from '../../../test/recent-list-observer.ts'
import { PAGE_SIZE, PAGES_PER_BATCH, recentListQueryOptions } from './list-query.ts'

/**
 * A portal of `total` dialogs answering im.recent.list as the docs say: `hasMore` is true on any
 * full page, so the page after the last full one comes back empty (docs/bitrix24-facts.md, "The recent list").
 */
function portalWith(total: number) {
  return createFakePortal({
    'im.recent.list': (params) => {
      const offset = Number(params.OFFSET)
      const limit = Number(params.LIMIT)
      const ids = Array.from(
        { length: Math.max(0, Math.min(limit, total - offset)) },
        (_, i) => offset + i + 1,
      )
      return {
        items: ids.map((id) => ({ id, title: `Dialog ${id}` })),
        hasMore: ids.length === limit,
      }
    },
  })
}

async function loadEverything(total: number) {
  const { portal, calls } = portalWith(total)
  const { pages } = await loadWholeList(portal)
  const ids = pages.flatMap((page) => page.items?.map((item) => (item as { id: number }).id))
  return { ids, calls }
}

describe('recent list paging', () => {
  it('asks for the first page alone, then for the next pages together, reading ahead', async () => {
    const batches = 4
    const total = PAGE_SIZE * (1 + PAGES_PER_BATCH * (batches - 1)) + 30
    const { ids, calls } = await loadEverything(total)
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    const pageOffsets = calls
      .filter((call) => call.method === 'im.recent.list' && call.params.SKIP_CHAT !== 'Y')
      .map((call) => Number(call.params.OFFSET))
      .sort((a, b) => a - b)
    // Every page is asked for once: a batch read ahead is taken, not asked for again. The first
    // page travels alone (with the queue's page past the end beside it), the batch after it
    // with the first screen; from then on the batches after the one asked for are read ahead,
    // each further one only once the one before it has said there is more, so nothing past the
    // end is asked for here (the last batch was the second read ahead).
    const asked = 1 + PAGES_PER_BATCH * batches
    expect(pageOffsets).toEqual(Array.from({ length: asked }, (_, i) => i * PAGE_SIZE))
    expect(calls.filter((call) => call.method === 'batch')).toHaveLength(batches + 1)
  })

  it('puts the batches read ahead that have come into the page the scroll asks for', async () => {
    const batches = 7
    const total = PAGE_SIZE * (1 + PAGES_PER_BATCH * (batches - 1)) + 30
    const { portal } = portalWith(total)
    // A reader who pauses between pages: the batches read ahead have come by the next ask.
    const { pages } = await loadWholeList(portal, 'all', () => new Promise((r) => setTimeout(r, 5)))
    const ids = pages.flatMap((page) => page.items?.map((item) => (item as { id: number }).id))
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    // One list page per batch without read-ahead (the first page, then `batches` batches).
    expect(pages.length).toBeLessThan(1 + batches)
  })

  it('ends at the empty page the portal sends after a full last page', async () => {
    const { ids } = await loadEverything(PAGE_SIZE * 3)
    expect(ids).toHaveLength(PAGE_SIZE * 3)
  })

  it('fails the page when one of its commands fails, rather than leaving a gap', async () => {
    const { portal } = createFakePortal({
      'im.recent.list': (params) => {
        if (Number(params.OFFSET) === PAGE_SIZE * 2) throw new Error('QUERY_LIMIT_EXCEEDED')
        return { items: [{ id: Number(params.OFFSET) + 1 }], hasMore: true }
      },
    })
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const observer = new InfiniteQueryObserver(
      queryClient,
      recentListQueryOptions(portal, queryClient, 'all'),
    )
    await observer.refetch()
    const result = await observer.fetchNextPage()
    expect(result.isFetchNextPageError).toBe(true)
    expect(result.data?.pages).toHaveLength(1)
  })
})

describe('the list’s own dialogs and the queue', () => {
  it('lists a joined colleague’s dialog, leaves out placeholders and the queue’s null entries', async () => {
    const { portal } = createFakePortal({
      'im.recent.list': (params) => {
        // The queue's page (SKIP_DIALOG, SKIP_CHAT, past the end) holds the queue: with a null.
        if (params.SKIP_CHAT === 'Y')
          return { items: [{ id: 'chat900', title: 'Queued', lines: { id: 1 } }, null] }
        return {
          items: [
            { id: 3, title: 'Vera', message: { id: 0 }, options: { default_user_record: true } },
            {
              id: 4,
              title: 'Ivan',
              message: { id: 4_200_315, text: 'joined the company' },
              counter: 2,
              options: { default_user_record: true },
            },
          ],
          hasMore: false,
        }
      },
    })
    const { pages } = await loadWholeList(portal)
    expect(pages[0]?.queued).toEqual([expect.objectContaining({ id: 'chat900' })])
    expect(pages.flatMap((page) => page.items)).toEqual([
      expect.objectContaining({ id: 4, counter: 2 }),
    ])
  })
})
