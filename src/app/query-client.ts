import { notifyManager, QueryClient } from '@tanstack/react-query'

// react-query tells React about cache changes on a setTimeout(0) by default, which can land after
// the next paint. A click's optimistic row must show in the very frame of the click, so flush
// the (still batched) notifications at the end of the current task instead.
notifyManager.setScheduler(queueMicrotask)

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The SDK already retries network errors, 5xx and the rate limit with backoff;
      // a second layer of retries here would only delay telling the user.
      queries: { retry: 1, staleTime: 10_000 },
      mutations: { retry: false },
    },
  })
}
