import { act, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderMarking } from '../../../test/recent-marking.ts'

describe('useReadAll', () => {
  it('asks first with how many chats it will read, and confirming reads them on the server', async () => {
    const { result, server } = await renderMarking([
      { id: 1, title: 'Anna', counter: 2, unread: false },
      { id: 2, title: 'Boris', counter: 0, unread: true },
      { id: 3, title: 'Clara', counter: 0, unread: false },
    ])
    await waitFor(() => expect(result.current.entries).toHaveLength(3))
    await act(() => result.current.readAll.ask())
    expect(result.current.readAll.asking).toBe(2)
    expect(server.map((d) => [d.counter, d.unread])).toEqual([
      [2, false],
      [0, true],
      [0, false],
    ])
    await act(async () => result.current.readAll.confirm())
    await waitFor(() => expect(server.every((d) => d.counter === 0 && !d.unread)).toBe(true))
    expect(result.current.readAll.asking).toBeNull()
  })

  it('says there is nothing unread instead of asking', async () => {
    const { result } = await renderMarking([{ id: 1, title: 'Anna', counter: 0, unread: false }])
    await waitFor(() => expect(result.current.entries).toHaveLength(1))
    await act(() => result.current.readAll.ask())
    expect(result.current.readAll.asking).toBeNull()
    expect(result.current.messages.toast?.text).toBe('Nothing unread. Well done!')
  })
})
