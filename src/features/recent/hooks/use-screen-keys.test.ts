import { act, renderHook } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, it, vi } from 'vitest'
import { useScreenKeys } from './use-screen-keys.ts'

it('/ goes to the search, ? opens the shortcuts, Esc closes them, then clears the search or the selection', async () => {
  const user = userEvent.setup()
  const clearSearch = vi.fn()
  const clearSelection = vi.fn()
  const { result } = renderHook(() => useScreenKeys({ search: 'ann', clearSearch, clearSelection }))
  const input = document.body.appendChild(document.createElement('input'))
  input.type = 'search'
  result.current.searchRef.current = input

  await user.keyboard('?')
  expect(result.current.helpOpen).toBe(true)
  await user.keyboard('{Escape}')
  expect(result.current.helpOpen).toBe(false)
  expect(clearSelection).not.toHaveBeenCalled()

  await user.keyboard('/')
  expect(document.activeElement).toBe(input)
  await user.keyboard('{Escape}')
  expect(clearSearch).toHaveBeenCalledOnce()

  act(() => input.blur())
  await user.keyboard('{Escape}')
  expect(clearSelection).toHaveBeenCalledOnce()
  input.remove()
})
