/**
 * Request counters for tests (GET /__control/requests): HTTP requests by method (a batch is
 * one request, counted under "batch"), separately the sub-commands batches carried, and how
 * many requests the rate limit refused.
 */
export interface RequestCounts {
  total: number
  byMethod: Record<string, number>
  commands: Record<string, number>
  /** Requests refused with 503 QUERY_LIMIT_EXCEEDED by the leaky bucket. */
  rateLimited: number
}

export class RequestStats {
  #counts: RequestCounts = { total: 0, byMethod: {}, commands: {}, rateLimited: 0 }

  countRequest(method: string): void {
    this.#counts.total += 1
    this.#counts.byMethod[method] = (this.#counts.byMethod[method] ?? 0) + 1
  }

  countCommand(method: string): void {
    this.#counts.commands[method] = (this.#counts.commands[method] ?? 0) + 1
  }

  countRateLimited(): void {
    this.#counts.rateLimited += 1
  }

  snapshot(): RequestCounts {
    return structuredClone(this.#counts)
  }

  reset(): void {
    this.#counts = { total: 0, byMethod: {}, commands: {}, rateLimited: 0 }
  }
}
