import { act, renderHook } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useToast } from './use-toast.ts'

it('shows one message at a time: a new one replaces the last, close takes it away', () => {
  const { result } = renderHook(() => useToast())
  act(() => result.current.say({ text: 'Marked “Anna” as read' }))
  act(() => result.current.say({ text: 'Marked “Team” as unread', tone: 'error' }))
  expect(result.current.toast).toMatchObject({ text: 'Marked “Team” as unread', tone: 'error' })
  act(() => result.current.close(result.current.toast!.id))
  expect(result.current.toast).toBeNull()
})

it('closing a message leaves a newer one said in the same moment', () => {
  const { result } = renderHook(() => useToast())
  act(() => result.current.say({ text: 'Marked “Anna” as read' }))
  const first = result.current.toast!.id
  act(() => {
    result.current.say({ text: '2 chats changed' })
    result.current.close(first)
  })
  expect(result.current.toast).toMatchObject({ text: '2 chats changed' })
})
