/**
 * Request counters for tests (GET /__control/requests): HTTP requests by method (a batch is
 * one request, counted under "batch"), separately the sub-commands batches carried, and how
 * many requests the rate limit refused.
 */
export interface RequestCounts {
  total: number
  byMethod: Record<string, number>
  commands: Record<string, number>
  /**
   * Batch requests by the set of methods they carried, named `a+b` in sorted order (a batch of 3
   * im.recent.unread commands and an im.dialog.read is `im.dialog.read+im.recent.unread`): tells a
   * batch that wrote from one that read.
   */
  batchesByMethods: Record<string, number>
  /** Requests refused with 503 QUERY_LIMIT_EXCEEDED by the leaky bucket. */
  rateLimited: number
  /** Every DIALOG_ID that im.recent.unread was asked about (plain calls and batch commands). */
  unreadDialogIds: string[]
}

const empty = (): RequestCounts => ({
  total: 0,
  byMethod: {},
  commands: {},
  batchesByMethods: {},
  rateLimited: 0,
  unreadDialogIds: [],
})

export class RequestStats {
  #counts = empty()
  #dialogIds = new Set<string>()

  countRequest(method: string): void {
    this.#counts.total += 1
    this.#counts.byMethod[method] = (this.#counts.byMethod[method] ?? 0) + 1
  }

  countCommand(method: string): void {
    this.#counts.commands[method] = (this.#counts.commands[method] ?? 0) + 1
  }

  countBatch(methods: Iterable<string>): void {
    const key = [...new Set(methods)].sort().join('+')
    this.#counts.batchesByMethods[key] = (this.#counts.batchesByMethods[key] ?? 0) + 1
  }

  countRateLimited(): void {
    this.#counts.rateLimited += 1
  }

  /** Lets tests check that the app never touches a dialog the user did not act on. */
  noteCall(method: string, params: Record<string, unknown>): void {
    if (method !== 'im.recent.unread') return
    // Parameter names are case-insensitive on a portal (see rest/params.ts upperCaseNames).
    const key = Object.keys(params).findLast((name) => name.toUpperCase() === 'DIALOG_ID')
    this.#dialogIds.add(String(key === undefined ? undefined : params[key]))
  }

  snapshot(): RequestCounts {
    return { ...structuredClone(this.#counts), unreadDialogIds: [...this.#dialogIds] }
  }

  reset(): void {
    this.#counts = empty()
    this.#dialogIds.clear()
  }
}
