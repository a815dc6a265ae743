/**
 * Installed by the bench into every document of the page (the portal page and the app's
 * frame) before any of their own scripts run. It only observes: timings come from the
 * browser's clock inside the frame, never from marks in the app's code. Plain JS (not
 * TypeScript) because it is shipped to the browser as text, untransformed.
 */
;(() => {
  if (window.__bench) return

  /**
   * Time the frame containing a change has been painted: the first task after the next rAF (the
   * frame's style, layout and paint run in the rAF's own task, after its callbacks). That task is
   * posted at the highest priority the Scheduler API has: a page may queue tasks of its own from
   * the same frame (a request sent once the frame is painted, React's scheduler), and a task of
   * normal priority would wait behind them and count their time as the frame's.
   */
  const afterFrameTask = (callback) => {
    if (typeof globalThis.scheduler?.postTask === 'function') {
      void globalThis.scheduler.postTask(callback, { priority: 'user-blocking' })
      return
    }
    const channel = new MessageChannel()
    channel.port1.onmessage = callback
    channel.port2.postMessage(null)
  }
  const afterPaint = (callback) =>
    requestAnimationFrame(() => afterFrameTask(() => callback(performance.now())))
  const epoch = (now) => performance.timeOrigin + now
  /** The scripts the document names now: its module scripts and modulepreloads. */
  const scriptsNamed = () =>
    new Set(
      [...document.querySelectorAll('script[src], link[rel="modulepreload"][href]')].map(
        (element) =>
          new URL(element.getAttribute('src') ?? element.getAttribute('href'), location.href).href,
      ),
    )
  // Taken once the HTML is parsed: the app's bundler adds modulepreload links of its own later,
  // for chunks it imports after the first row.
  let htmlScripts = null
  document.addEventListener('DOMContentLoaded', () => (htmlScripts = scriptsNamed()), {
    once: true,
  })

  const bench = {
    /** Portal page: epoch ms when the launch form was submitted (the iframe starts navigating). */
    submitAt: null,
    /** App or floor frame: epoch ms when the first dialog row was painted. */
    firstRowAt: null,
    /** Frame: performance.now() of the first message from the embedding page (getInitData's answer). */
    portalAnsweredAt: null,
    /** The click → repaint measurement in progress (see armToggle). */
    toggle: null,
    longTasks: [],
    /** Whether the Long Tasks API reports here: without it, "no long task" would mean nothing. */
    longTasksObserved: false,
    now: () => performance.now(),
    rows: () => document.querySelectorAll('[data-dialog-id]').length,
    /**
     * Failures shown to the user in any live region: every role="alert" (the rows' failures, an
     * error screen), and every error-toned element (a BEM `--error` modifier, such as the
     * `.toast.toast--error` of the role="status" toast region) inside or as a live region. One
     * failure counts once: an error inside another counted one is the same failure.
     */
    errorsShown: () => {
      const live =
        '[role="alert"], [role="status"], [role="log"], [aria-live]:not([aria-live="off"])'
      const error = '[class*="--error"]'
      const shown = new Set(document.querySelectorAll('[role="alert"]'))
      for (const region of document.querySelectorAll(live)) {
        if (region.matches(error)) shown.add(region)
        for (const element of region.querySelectorAll(error)) shown.add(element)
      }
      const all = [...shown]
      return all.filter(
        (element) => !all.some((other) => other !== element && other.contains(element)),
      ).length
    },
    pending: () => document.querySelectorAll('[data-pending="true"]').length,
    /** Used JS heap after a full GC (needs --js-flags=--expose-gc, --enable-precise-memory-info). */
    heap: () => {
      if (typeof window.gc === 'function') window.gc()
      return performance.memory ? performance.memory.usedJSHeapSize : null
    },
    /**
     * Longest task that started at or after `since` (performance.now() of this frame); 0 when
     * none took 50 ms (the API reports no shorter task), null when the API is missing.
     */
    longestTaskSince: (since) =>
      bench.longTasksObserved
        ? bench.longTasks.reduce(
            (max, task) => (task.start >= since ? Math.max(max, task.duration) : max),
            0,
          )
        : null,
    /**
     * Where a cold start's time went, in ms from the frame's navigation start: the HTML, the
     * last of the scripts the HTML names (its module scripts and modulepreloads; chunks imported
     * later, such as a catalog or a dialog's code, are not on the way to the first row), the
     * scripts evaluated (module scripts run before DOMContentLoaded), the portal's answer to
     * getInitData, the first im.recent.list request and answer, the first row painted.
     */
    breakdown: () => {
      const nav = performance.getEntriesByType('navigation')[0]
      const resources = performance.getEntriesByType('resource')
      const named = htmlScripts ?? scriptsNamed()
      const scripts = resources.filter((entry) => named.has(entry.name))
      // The app asks for its first page inside a `batch` (beside the queue's page); the floor
      // calls im.recent.list itself. Either way the first such request is the list's.
      const list = resources.find((entry) => /\/rest\/(im\.recent\.list|batch)\b/.test(entry.name))
      return {
        html: nav ? nav.responseEnd : null,
        scripts: scripts.length ? Math.max(...scripts.map((entry) => entry.responseEnd)) : null,
        evaluated:
          nav && nav.domContentLoadedEventStart > 0 ? nav.domContentLoadedEventStart : null,
        portalAnswered: bench.portalAnsweredAt,
        listSent: list ? list.startTime : null,
        listAnswered: list ? list.responseEnd : null,
        painted: bench.firstRowAt === null ? null : bench.firstRowAt - performance.timeOrigin,
      }
    },
    /** Next click → the row `id` painted with data-unread = `unread`. */
    armToggle: (id, unread) => {
      bench.toggle = {
        id: String(id),
        unread: String(unread),
        clickAt: null,
        seenAt: null,
        paintAt: null,
      }
    },
    /** Median interval between animation frames over `count` frames (the display's cadence). */
    frameInterval: (count) =>
      new Promise((resolve) => {
        const stamps = []
        const tick = (time) => {
          stamps.push(time)
          if (stamps.length <= count) return requestAnimationFrame(tick)
          const gaps = stamps
            .slice(1)
            .map((time, index) => time - stamps[index])
            .sort((a, b) => a - b)
          resolve(gaps[gaps.length >> 1])
        }
        requestAnimationFrame(tick)
      }),
    /** Scrolls the last rendered row into view; the list loads or renders what follows. */
    scrollToLastRow: () => {
      const rows = document.querySelectorAll('[data-dialog-id]')
      const last = rows[rows.length - 1]
      if (last) last.scrollIntoView({ block: 'end' })
      return { rows: rows.length, lastId: last ? last.getAttribute('data-dialog-id') : null }
    },
  }
  window.__bench = bench

  const submit = HTMLFormElement.prototype.submit
  HTMLFormElement.prototype.submit = function () {
    bench.submitAt = epoch(performance.now())
    return submit.call(this)
  }

  // Installed before the page's own listeners: the moment the answer arrives, however busy the
  // page is when it gets to handle it.
  addEventListener('message', (event) => {
    if (bench.portalAnsweredAt === null && window.parent !== window && event.source === parent)
      bench.portalAnsweredAt = performance.now()
  })

  // The click's own timestamp: a busy main thread that delays the handler counts against the app.
  addEventListener(
    'click',
    (event) => {
      const armed = bench.toggle
      if (!armed || armed.clickAt !== null) return
      const now = performance.now()
      const stamp = event.timeStamp
      armed.clickAt = stamp > 0 && stamp <= now && now - stamp < 10_000 ? stamp : now
    },
    true,
  )

  const observer = new MutationObserver(() => {
    if (bench.firstRowAt === null && !bench.firstRowPending) {
      if (document.querySelector('[data-dialog-id]')) {
        bench.firstRowPending = true
        afterPaint((now) => {
          bench.firstRowAt = epoch(now)
          // Said over the console, which the bench hears without running anything in the frame:
          // waiting with an evaluate or waitForFunction makes Playwright inject its own script
          // (tens of ms of parsing) into the frame, in the middle of the cold start it measures.
          // The text is probe.ts's firstRowMessage().
          console.debug(`bench:first-row ${location.origin}`)
        })
      }
    }
    const armed = bench.toggle
    if (armed && armed.clickAt !== null && armed.seenAt === null) {
      const row = document.querySelector(`[data-dialog-id="${CSS.escape(armed.id)}"]`)
      if (row && row.getAttribute('data-unread') === armed.unread) {
        armed.seenAt = performance.now()
        afterPaint((now) => (armed.paintAt = now))
      }
    }
  })
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-unread'],
  })

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
    // observe() ignores a type it does not know rather than throwing.
    bench.longTasksObserved = PerformanceObserver.supportedEntryTypes.includes('longtask')
  } catch {
    // No Long Tasks API: the longest task reads as null, never as a clean run.
  }
})()
