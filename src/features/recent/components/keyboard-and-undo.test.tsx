import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakePortal, imMethods } from '../../../test/fake-portal.ts'
import { renderWithPortal } from '../../../test/render-with-portal.tsx'
import { RecentScreen } from './RecentScreen.tsx'
import { UNDO_WINDOW_MS } from './UndoToast.tsx'

const ITEMS = [
  { id: 1, title: 'Anna Petrova', counter: 0, unread: false },
  { id: 'chat7', title: 'Design team', counter: 2, unread: false },
  { id: 3, title: 'Boris Ivanov', counter: 0, unread: true },
  { id: 'chat9', title: 'Sales', counter: 0, unread: false },
]

async function setup() {
  const server = ITEMS.map((item) => ({ ...item }))
  const fake = createFakePortal(imMethods(server))
  const utils = await renderWithPortal(<RecentScreen />, fake.portal)
  await screen.findByText('Sales')
  // The code that sends changes comes right after the first rows; the tests below fake the clock.
  await import('../api/marks.ts')
  return { ...fake, ...utils, server }
}

const row = (id: string) => document.querySelector<HTMLElement>(`[data-dialog-id="${id}"]`)!
const checkbox = (id: string) => within(row(id)).getByRole<HTMLInputElement>('checkbox')
const unreadCalls = (calls: { method: string; params: Record<string, unknown> }[]) =>
  calls
    .filter((c) => c.method === 'im.recent.unread')
    .map((c) => `${String(c.params.DIALOG_ID)}:${String(c.params.ACTION)}`)

/** Key presses on whatever has focus, as the browser would deliver them. */
const press = async (key: string) => {
  await act(async () => {
    await userEvent.keyboard(key)
  })
}

afterEach(() => {
  vi.useRealTimers()
})

/** What the Undo tests control: the clock, and the frames a change waits for before it is sent. */
const FAKED = ['Date', 'setTimeout', 'clearTimeout', 'requestAnimationFrame'] as const

/** Moves the faked clock a frame at a time until the portal has had `count` marks. */
async function untilSent(calls: Parameters<typeof unreadCalls>[0], count: number) {
  for (let frame = 0; frame < 20 && unreadCalls(calls).length < count; frame++) {
    await act(() => vi.advanceTimersByTimeAsync(16))
  }
  await act(async () => {}) // and answered
}

describe('Undo', () => {
  it('is offered for 5 s after a change, and not a moment longer', async () => {
    const { calls } = await setup()
    // Only the clock and frames are controlled (the portal answers on promises): time moves
    // when we say.
    vi.useFakeTimers({ toFake: [...FAKED] })
    fireEvent.click(within(row('1')).getByRole('button', { name: /^Mark as unread/ }))
    const clickedAt = Date.now()
    await untilSent(calls, 1) // the row is painted, then the change is sent and answered
    expect(unreadCalls(calls)).toEqual(['1:Y'])
    const undo = () => screen.queryByRole('button', { name: 'Undo' })
    expect(undo()).not.toBeNull()

    act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1 - (Date.now() - clickedAt)))
    expect(undo()).not.toBeNull()
    act(() => vi.advanceTimersByTime(1))
    expect(undo()).toBeNull()
    expect(unreadCalls(calls)).toEqual(['1:Y']) // expiring changes nothing
    expect(UNDO_WINDOW_MS).toBe(5_000)
  })

  it('sent just before the 5 s are up, it restores the previous mark', async () => {
    const { calls, server } = await setup()
    vi.useFakeTimers({ toFake: [...FAKED] })
    fireEvent.click(within(row('1')).getByRole('button', { name: /^Mark as unread/ }))
    const clickedAt = Date.now()
    await untilSent(calls, 1)
    act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1 - (Date.now() - clickedAt)))
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await untilSent(calls, 2)
    expect(unreadCalls(calls)).toEqual(['1:Y', '1:N'])
    expect(server.find((i) => i.id === 1)?.unread).toBe(false)
  })
})

describe('keyboard: every key the ? help lists', () => {
  it('the help lists exactly the keys tested here', async () => {
    await setup()
    await userEvent.click(row('1'))
    await press('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect([...help.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual([
      '↑ ↓ / j k',
      'Space / x',
      'Shift + Space',
      'u',
      'Enter',
      '/',
      'Esc',
      '?',
    ])
  })

  it('↑ ↓ and j k move between rows', async () => {
    await setup()
    row('1').focus()
    await press('{ArrowDown}')
    expect(row('chat7')).toHaveFocus()
    await press('j')
    expect(row('3')).toHaveFocus()
    await press('{ArrowUp}')
    expect(row('chat7')).toHaveFocus()
    await press('k')
    expect(row('1')).toHaveFocus()
    await press('k') // the first row stays put
    expect(row('1')).toHaveFocus()
  })

  it('Space and x select the row; Shift selects the range from the last one', async () => {
    await setup()
    row('1').focus()
    await press(' ')
    expect(checkbox('1')).toBeChecked()
    await press('x')
    expect(checkbox('1')).not.toBeChecked()
    await press('x')
    await press('{ArrowDown}{ArrowDown}')
    await press('{Shift>} {/Shift}')
    expect(['1', 'chat7', '3', 'chat9'].map((id) => checkbox(id).checked)).toEqual([
      true,
      true,
      true,
      false,
    ])
    await press('{ArrowDown}')
    await press('{Shift>}x{/Shift}')
    expect(checkbox('chat9')).toBeChecked()
  })

  it('u toggles the focused row: unread messages are marked read, a read row unread', async () => {
    const { calls } = await setup()
    row('chat7').focus()
    await press('u')
    expect(row('chat7')).toHaveAttribute('data-unread', 'false')
    await press('{ArrowDown}{ArrowDown}')
    await press('u')
    expect(row('chat9')).toHaveAttribute('data-unread', 'true')
    // Design team had unread messages and no mark: reading it is im.dialog.read alone.
    await waitFor(() => expect(unreadCalls(calls)).toEqual(['chat9:Y']))
    expect(
      calls.filter((c) => c.method === 'im.dialog.read').map((c) => c.params.DIALOG_ID),
    ).toEqual(['chat7'])
  })

  it('Enter opens the focused chat in the messenger', async () => {
    const { imOpenMessenger } = await setup()
    row('chat7').focus()
    await press('{Enter}')
    expect(imOpenMessenger).toHaveBeenCalledWith('chat7')
  })

  it('/ goes to the search; Esc there clears it', async () => {
    await setup()
    row('1').focus()
    await press('/')
    const search = screen.getByRole('searchbox')
    expect(search).toHaveFocus()
    await press('Design')
    expect(row('1')).toBeNull()
    await press('{Escape}')
    expect(search).toHaveValue('')
    expect(row('1')).not.toBeNull()
  })

  it('Esc drops the selection', async () => {
    await setup()
    row('1').focus()
    await press('x')
    expect(checkbox('1')).toBeChecked()
    await press('{Escape}')
    expect(checkbox('1')).not.toBeChecked()
  })

  it('? opens and closes the list of keys; Esc closes it too', async () => {
    await setup()
    row('1').focus()
    await press('?')
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await press('?')
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
    row('1').focus()
    await press('?')
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await press('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
  })
})
