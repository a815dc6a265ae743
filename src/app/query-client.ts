import { QueryClient } from '@tanstack/react-query'

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
