import { act, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RestError } from '../../../bitrix24/rest.ts'
import { dialogOf, renderMarking } from '../../../test/recent-marking.ts'

const anna = { id: 1, title: 'Anna', counter: 0, unread: false }

describe('useRowMarks', () => {
  it('sends the change at once, and Undo brings back what the row showed', async () => {
    const { result, server } = await renderMarking([anna])
    await waitFor(() => expect(result.current.entries).toHaveLength(1))
    act(() => result.current.marks.toggle(dialogOf(result.current, 1), true))
    expect(result.current.messages.toast?.text).toBe('Marked “Anna” as unread')
    await waitFor(() => expect(server[0]!.unread).toBe(true))
    act(() => result.current.messages.toast?.onUndo?.())
    await waitFor(() => expect(server[0]!.unread).toBe(false))
  })

  it('names the chat when a change fails, and its Retry sends the same change again', async () => {
    let fail = true
    const { result, server } = await renderMarking([anna], {
      gate: () => {
        if (fail) throw new RestError('ACCESS_DENIED', 403, 'Access denied')
      },
    })
    await waitFor(() => expect(result.current.entries).toHaveLength(1))
    act(() => result.current.marks.toggle(dialogOf(result.current, 1), true))
    await waitFor(() => expect(result.current.messages.toast?.tone).toBe('error'))
    expect(result.current.messages.toast?.text).toMatch(/^Could not mark “Anna” as unread/)
    expect(server[0]!.unread).toBe(false)
    fail = false
    act(() => result.current.messages.toast?.onRetry?.())
    await waitFor(() => expect(server[0]!.unread).toBe(true))
  })
})
