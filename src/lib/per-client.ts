import type { QueryClient } from '@tanstack/react-query'

/**
 * A map kept beside each QueryClient, for bookkeeping that lives as long as the client's cache
 * (one per page load in the app, a fresh one in each test) and goes with it.
 */
export function perClient<K, V>(): (queryClient: QueryClient) => Map<K, V> {
  const maps = new WeakMap<QueryClient, Map<K, V>>()
  return (queryClient) => {
    let map = maps.get(queryClient)
    if (!map) {
      map = new Map()
      maps.set(queryClient, map)
    }
    return map
  }
}
