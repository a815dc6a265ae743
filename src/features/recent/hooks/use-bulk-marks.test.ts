import { act, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { dialogOf, renderMarking } from '../../../test/recent-marking.ts'

const server = [
  { id: 1, title: 'Anna', counter: 0, unread: false },
  { id: 2, title: 'Boris', counter: 0, unread: true },
]

describe('useBulkMarks', () => {
  it('marks many, says how many, and Undo puts each back as it was', async () => {
    const { result, server: truth } = await renderMarking(server)
    await waitFor(() => expect(result.current.entries).toHaveLength(2))
    const targets = [dialogOf(result.current, 1), dialogOf(result.current, 2)]
    await act(() => result.current.bulk.markDialogs(targets, true))
    expect(truth.map((d) => d.unread)).toEqual([true, true])
    expect(result.current.messages.toast?.text).toBe('2 chats changed')
    await act(async () => result.current.messages.toast?.onUndo?.())
    await waitFor(() => expect(truth.map((d) => d.unread)).toEqual([false, true]))
  })

  it('says there is nothing to change instead of sending nothing', async () => {
    const { result, calls } = await renderMarking(server)
    await act(() => result.current.bulk.markDialogs([], true))
    expect(result.current.messages.toast?.text).toMatch(/^Nothing to change/)
    expect(calls.filter((c) => c.method === 'im.recent.unread')).toEqual([])
  })
})
