/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { afterEach, describe, expect, it } from 'vitest'
import { startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'

// The faults are the test harness's, not Bitrix24's: what they imitate is what a client can meet
// on a real network — an answer that never comes (the change made or not), a slow portal, a
// change made while its answer is late. The client cannot tell these apart; the server can.

let running: Running
afterEach(() => running?.close())

const readDialog = (running: Running) => {
  const dialog = running.portal.store.truth(1).find((d) => !d.unread && d.counter === 0)
  if (!dialog) throw new Error('the demo data holds no read dialog')
  return dialog
}
const unreadOf = (running: Running, id: unknown) =>
  running.portal.store.truth(1).find((d) => d.id === id)?.unread

async function control(path: string, method: string, body?: unknown) {
  const response = await fetch(new URL(path, running.base), {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (await response.json()) as any
}

describe('injected faults', () => {
  it.each([
    ['drop-answer', 'makes the change, then loses the answer', true],
    ['drop', 'loses the request before anything changes', false],
  ])('%s %s', async (kind, _what, changed) => {
    running = await startPortal()
    const { accessToken } = running.login()
    const target = readDialog(running)
    await control('__control/faults', 'POST', { method: 'im.recent.unread', kind })
    await expect(
      running.rest('im.recent.unread', { auth: accessToken, DIALOG_ID: target.id, ACTION: 'Y' }),
    ).rejects.toThrow()
    expect(unreadOf(running, target.id)).toBe(changed)
  })

  it('hold makes the change at once and answers later: a later request is answered first', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const target = readDialog(running)
    await control('__control/faults', 'POST', {
      method: 'im.recent.unread',
      kind: 'hold',
      ms: 60_000,
    })
    let held = false
    const answer = running
      .rest('im.recent.unread', { auth: accessToken, DIALOG_ID: target.id, ACTION: 'Y' })
      .then(() => (held = true))
      .catch(() => {})
    await expect.poll(() => unreadOf(running, target.id)).toBe(true)
    // Another request goes through while the first answer is still held.
    expect((await running.rest('im.counters.get', { auth: accessToken })).status).toBe(200)
    expect(held).toBe(false)
    await running.close() // ends the held request
    await answer
  })

  it('stall holds the request before running it: the server still has the old state', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const target = readDialog(running)
    await control('__control/faults', 'POST', {
      method: 'im.recent.unread',
      kind: 'stall',
      ms: 3_000,
    })
    const order: string[] = []
    const stalled = running
      .rest('im.recent.unread', { auth: accessToken, DIALOG_ID: target.id, ACTION: 'Y' })
      .then(() => order.push('stalled'))
    await running.rest('im.counters.get', { auth: accessToken }).then(() => order.push('other'))
    expect(unreadOf(running, target.id)).toBe(false)
    await stalled
    expect(order).toEqual(['other', 'stalled'])
    expect(unreadOf(running, target.id)).toBe(true)
  })

  it('counts the faults that reached a request, and the expired tokens refused', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    await control('__control/faults', 'POST', {
      method: 'im.recent.unread',
      kind: 'http',
      times: 3,
    })
    await control('__control/faults', 'POST', { method: 'im.dialog.read', kind: 'drop' })
    for (let i = 0; i < 2; i++)
      await running.rest('im.recent.unread', { auth: accessToken, DIALOG_ID: 'chat1' })
    await control('__control/auth', 'POST', { expireNow: true })
    await running.rest('im.counters.get', { auth: accessToken })
    const state = await control('__control/faults', 'GET')
    // Two of the three http hits happened; the drop never met a request.
    expect(state.hits).toMatchObject({ http: 2, drop: 0 })
    expect(state.faults).toHaveLength(2)
    expect(state.expiredTokensRefused).toBe(1)
    await control('__control/faults', 'DELETE')
    expect((await control('__control/faults', 'GET')).hits.http).toBe(2)
    await control('__control/reset', 'POST', {})
    const reset = await control('__control/faults', 'GET')
    expect([reset.hits.http, reset.expiredTokensRefused]).toEqual([0, 0])
  })
})
