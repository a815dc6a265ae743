import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { factOfChange } from '../model/facts.ts'
import { factOf, factsSince, factsVersion, learn, subscribeFacts } from './server-facts.ts'

describe('what the app learns of the server', () => {
  it('keeps the newest fact of each dialog, whatever order the answers come in', () => {
    const client = new QueryClient()
    learn(client, [['7', factOfChange(true, 2_000)]])
    learn(client, [['7', factOfChange(false, 1_000)]]) // a read-back that left earlier
    expect(factOf(client, '7')).toEqual(factOfChange(true, 2_000))
    learn(client, [['7', factOfChange(false, 3_000)]])
    expect(factOf(client, '7')).toEqual(factOfChange(false, 3_000))
  })

  it('tells its listeners, and lists what was learnt since a moment', () => {
    const client = new QueryClient()
    const listener = vi.fn()
    const unsubscribe = subscribeFacts(client, listener)
    learn(client, [
      ['1', factOfChange(true, 1_000)],
      ['chat2', factOfChange(false, 2_000)],
    ])
    expect(listener).toHaveBeenCalledTimes(1)
    expect([...factsSince(client, 1_500).keys()]).toEqual(['chat2'])
    const version = factsVersion(client)
    learn(client, [['1', factOfChange(true, 500)]]) // older: nothing new
    expect(factsVersion(client)).toBe(version)
    unsubscribe()
    learn(client, [['1', factOfChange(false, 4_000)]])
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
