import { describe, expect, it } from 'vitest'
import { createFakePortal } from '../../../test/fake-portal.ts'
import { loadWholeList } from '../../../test/recent-list-observer.ts'
import { refreshHead, withFreshHead } from './head-refresh.ts'
import { recentKeys } from './keys.ts'
import { FULL_REFRESH_PAGES, PAGE_SIZE, PAGES_PER_BATCH } from './list-query.ts'

describe('refreshing a long list', () => {
  const ids = (page: { items?: unknown[] } | undefined) =>
    page?.items?.map((item) => (item as { id: number }).id)

  it('puts the dialogs newer activity pushed off the first page just below it', () => {
    const old = { items: [{ id: 1 }, { id: 2 }, { id: 3 }], hasMore: true }
    // Dialog 9 (from a later page) got a message: it leads, and 3 fell to the next page.
    const fresh = { items: [{ id: 9 }, { id: 1 }, { id: 2 }], hasMore: true }
    expect(ids(withFreshHead(old, fresh))).toEqual([9, 1, 2, 3])
  })

  it('reads only the first page past FULL_REFRESH_PAGES pages, and leaves the rest as loaded', async () => {
    const total = PAGE_SIZE * (1 + PAGES_PER_BATCH * FULL_REFRESH_PAGES)
    let lead = 0
    const { portal, calls } = createFakePortal({
      'im.recent.list': (params) => {
        const offset = Number(params.OFFSET)
        const limit = Number(params.LIMIT)
        const count = Math.max(0, Math.min(limit, total - offset))
        const order = lead
          ? [lead, ...Array.from({ length: total }, (_, i) => i + 1).filter((id) => id !== lead)]
          : null
        const idAt = (i: number) => (order ? order[i]! : i + 1)
        return {
          items: Array.from({ length: count }, (_, i) => ({ id: idAt(offset + i) })),
          hasMore: count === limit,
        }
      },
    })
    const { queryClient, pages: before } = await loadWholeList(portal)
    expect(before.length).toBeGreaterThan(FULL_REFRESH_PAGES)

    lead = total // the oldest dialog got a message
    const asked = calls.length
    await refreshHead(portal, queryClient, 'all')
    const after =
      queryClient.getQueryData<{ pages: { items?: unknown[] }[] }>(recentKeys.list('all'))?.pages ??
      []
    const listed = calls.slice(asked).filter((call) => call.method === 'im.recent.list')
    expect(listed.map((call) => call.params.OFFSET)).toEqual([0, 1_000_000_000])
    expect(ids(after[0])?.[0]).toBe(lead)
    after.slice(1).forEach((page, index) => expect(page).toBe(before[index + 1]))
  })
})
