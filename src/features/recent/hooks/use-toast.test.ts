import { act, renderHook } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useToast } from './use-toast.ts'

it('shows one message at a time: a new one replaces the last, close takes it away', () => {
  const { result } = renderHook(() => useToast())
  act(() => result.current.say({ text: 'Marked “Anna” as read' }))
  act(() => result.current.say({ text: 'Marked “Team” as unread', tone: 'error' }))
  expect(result.current.toast).toMatchObject({ text: 'Marked “Team” as unread', tone: 'error' })
  act(() => result.current.close())
  expect(result.current.toast).toBeNull()
})
