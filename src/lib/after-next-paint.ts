/** How long to wait for a frame where none may come (a hidden tab or frame draws nothing). */
const NO_FRAME_MS = 50

/**
 * Resolves once the browser has painted the next frame. Work that the user does not see, such
 * as sending a request, waits for it so that what the user does see (a row that changed at a
 * click) is painted first.
 */
export const afterNextPaint = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, NO_FRAME_MS)
    // A task queued from inside the frame runs after its paint.
    requestAnimationFrame(() => setTimeout(resolve, 0))
  })
