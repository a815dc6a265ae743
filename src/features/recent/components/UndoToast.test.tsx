import { act, screen, within } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { createFakePortal } from '../../../test/fake-portal.ts'
import { renderWithPortal } from '../../../test/render-with-portal.tsx'
import { useToast, type Say } from '../hooks/use-toast.ts'
import { Toast, UNDO_WINDOW_MS } from './UndoToast.tsx'

/** The toast region as the screen wires it; `said` is how the test speaks through it. */
async function renderToasts() {
  const said: { say?: Say } = {}
  function Screen() {
    const { toast, say, close } = useToast()
    said.say = say
    return <Toast toast={toast} onClose={close} />
  }
  await renderWithPortal(<Screen />, createFakePortal({}).portal)
  await screen.findByRole('status') // once the catalog has loaded
  return (message: Parameters<Say>[0]) => said.say!(message)
}

const region = () => screen.getByRole('status')

afterEach(() => {
  vi.useRealTimers()
})

it('a message said as the last Undo window runs out is shown, not closed with it', async () => {
  const say = await renderToasts()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  await act(async () => say({ text: 'Marked “Anna” as read', onUndo: () => {} }))
  expect(region()).toHaveTextContent('Marked “Anna” as read')
  act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1))
  // A bulk change ends in the last millisecond of the window: its message is said, and the
  // window's timer fires before React has drawn it.
  act(() => {
    say({ text: '2 chats changed', onUndo: () => {} })
    vi.advanceTimersByTime(1)
  })
  expect(region()).toHaveTextContent('2 chats changed')
  // Its own Undo window still runs in full.
  act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1))
  expect(region()).toHaveTextContent('2 chats changed')
  act(() => vi.advanceTimersByTime(1))
  expect(region()).toBeEmptyDOMElement()
})

it('Undo closes its message before it acts, so what the Undo says next is shown', async () => {
  const say = await renderToasts()
  const undone = vi.fn(() => say({ text: 'Marked as unread again.' }))
  await act(async () => say({ text: 'Marked “Anna” as read', onUndo: undone }))
  await act(async () => within(region()).getByRole('button', { name: 'Undo' }).click())
  expect(undone).toHaveBeenCalledTimes(1)
  expect(region()).toHaveTextContent('Marked as unread again.')
  expect(within(region()).queryByRole('button', { name: 'Undo' })).toBeNull()
  // An Undo that says nothing leaves no message behind.
  await act(async () => say({ text: 'Marked “Team” as read', onUndo: () => {} }))
  await act(async () => within(region()).getByRole('button', { name: 'Undo' }).click())
  expect(region()).toBeEmptyDOMElement()
})

it('Retry and Dismiss take their message away', async () => {
  const say = await renderToasts()
  const retried = vi.fn()
  await act(async () =>
    say({ text: '1 of 2 could not be changed', tone: 'error', onRetry: retried }),
  )
  await act(async () => within(region()).getByRole('button', { name: 'Retry' }).click())
  expect(retried).toHaveBeenCalledTimes(1)
  expect(region()).toBeEmptyDOMElement()
  await act(async () => say({ text: 'Nothing to change' }))
  await act(async () => within(region()).getByRole('button', { name: 'Dismiss' }).click())
  expect(region()).toBeEmptyDOMElement()
})
