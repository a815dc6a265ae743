import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterNextPaint } from './after-next-paint.ts'
import { trackSettled } from './settled-promise.ts'

afterEach(() => {
  vi.useRealTimers()
})

const settledFlag = (promise: Promise<void>) => trackSettled(promise) as { status?: string }

describe('afterNextPaint', () => {
  it('waits for the next frame and the task after it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] })
    const state = settledFlag(afterNextPaint())
    await vi.advanceTimersByTimeAsync(16) // the frame (every 16 ms here)
    expect(state.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1) // the task after it
    expect(state.status).toBe('fulfilled')
  })

  it('goes on without a frame where none comes, as in a hidden tab', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    vi.stubGlobal('requestAnimationFrame', () => 0)
    try {
      const state = settledFlag(afterNextPaint())
      await vi.advanceTimersByTimeAsync(49)
      expect(state.status).toBe('pending')
      await vi.advanceTimersByTimeAsync(1)
      expect(state.status).toBe('fulfilled')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
