import { act, waitFor } from '@testing-library/react'
import { expect, it } from 'vitest'
import { dialogOf, renderMarking } from '../../../test/recent-marking.ts'

it('Shift picks the range from the last pick, and marking skips what is already so', async () => {
  const { result, server, calls } = await renderMarking([
    { id: 1, title: 'Anna', counter: 0, unread: false },
    { id: 2, title: 'Boris', counter: 0, unread: true },
    { id: 3, title: 'Clara', counter: 0, unread: false },
    { id: 4, title: 'Dmitri', counter: 0, unread: false },
  ])
  await waitFor(() => expect(result.current.entries).toHaveLength(4))
  act(() => result.current.selection.select(dialogOf(result.current, 1), true, false))
  act(() => result.current.selection.select(dialogOf(result.current, 3), true, true))
  expect(result.current.selection.loadedCount).toBe(3)
  await act(() => result.current.selection.markSelected(true))
  expect(server.map((d) => d.unread)).toEqual([true, true, true, false])
  const sent = calls.filter((c) => c.method === 'im.recent.unread').map((c) => c.params.DIALOG_ID)
  expect(sent.sort()).toEqual([1, 3])
  expect(result.current.selection.loadedCount).toBe(0)
})
