import { act, renderHook } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { useQuietFor } from './use-quiet-for.ts'

afterEach(() => {
  vi.useRealTimers()
})

it('turns quiet only after the given time without being busy, and loud again at once', () => {
  vi.useFakeTimers()
  const { result, rerender } = renderHook(({ busy }) => useQuietFor(busy, 1_000), {
    initialProps: { busy: false },
  })
  expect(result.current).toBe(false)
  act(() => vi.advanceTimersByTime(999))
  expect(result.current).toBe(false)
  act(() => vi.advanceTimersByTime(1))
  expect(result.current).toBe(true)

  rerender({ busy: true })
  expect(result.current).toBe(false)
  rerender({ busy: false })
  act(() => vi.advanceTimersByTime(500))
  rerender({ busy: true })
  rerender({ busy: false })
  act(() => vi.advanceTimersByTime(999))
  expect(result.current).toBe(false) // the clock started again at the last busy spell
  act(() => vi.advanceTimersByTime(1))
  expect(result.current).toBe(true)
})
