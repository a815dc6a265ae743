import type { QueryClient } from '@tanstack/react-query'
import type { Fact } from '../model/facts.ts'

/**
 * The one place where the server's pages meet the user's changes: what the server was heard to
 * hold of each dialog since, kept beside each QueryClient. Nothing is written into the cached
 * pages, so no page a query brings back — an infinite query's snapshot, a load that was cancelled
 * and started again, a batch read ahead, a refresh — can undo what was learnt later: each page is
 * laid under the facts learnt after its request left (model/facts.ts, layUnder).
 */
interface Store {
  facts: Map<string, Fact>
  version: number
  listeners: Set<() => void>
}

const stores = new WeakMap<QueryClient, Store>()

function storeOf(queryClient: QueryClient): Store {
  let store = stores.get(queryClient)
  if (!store) {
    store = { facts: new Map(), version: 0, listeners: new Set() }
    stores.set(queryClient, store)
  }
  return store
}

/** Records what the server holds; an older fact never replaces a newer one. */
export function learn(queryClient: QueryClient, facts: Iterable<readonly [string, Fact]>): void {
  const store = storeOf(queryClient)
  let changed = false
  for (const [key, fact] of facts) {
    const known = store.facts.get(key)
    if (known && known.at > fact.at) continue
    store.facts.set(key, fact)
    changed = true
  }
  if (!changed) return
  store.version++
  for (const listener of store.listeners) listener()
}

export const factOf = (queryClient: QueryClient, key: string): Fact | undefined =>
  storeOf(queryClient).facts.get(key)

/** Every fact learnt at `at` or later (what an answer asked for at `at` cannot know). */
export function factsSince(queryClient: QueryClient, at: number): Map<string, Fact> {
  const since = new Map<string, Fact>()
  for (const [key, fact] of storeOf(queryClient).facts) if (fact.at >= at) since.set(key, fact)
  return since
}

/** For useSyncExternalStore: a number that changes whenever a fact is learnt. */
export const factsVersion = (queryClient: QueryClient): number => storeOf(queryClient).version

export function subscribeFacts(queryClient: QueryClient, listener: () => void): () => void {
  const { listeners } = storeOf(queryClient)
  listeners.add(listener)
  return () => listeners.delete(listener)
}
