/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { afterEach, describe, expect, it } from 'vitest'
import { startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'
import * as client from '../../e2e/support/portal.ts'

let running: Running
afterEach(() => running.close())

async function control(path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, running.base), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: await response.json() }
}

describe('control API: messages (control.ts, data/arrival.ts)', () => {
  it('POST /__control/message delivers a message; GET /__control/messages shows the history and the unread set', async () => {
    running = await startPortal()
    const chat = running.portal.store
      .truth(1)
      .find((d) => d.type === 'chat' && d.chatType === 'chat')!
    const sent = await control('__control/message', { dialog: chat.id, author: 2, text: 'ping' })
    expect(sent.status).toBe(200)
    expect(sent.body).toEqual({
      ok: true,
      message: { id: expect.any(Number), authorId: 2, text: 'ping' },
    })
    const seen = await control(`__control/messages?user=1&dialog=${String(chat.id)}`)
    expect(seen.body).toMatchObject({
      dialogId: chat.id,
      chatId: chat.chatId,
      counter: (chat.counter as number) + 1,
      lastId: chat.lastId,
    })
    expect(seen.body.unreadIds.at(-1)).toBe(sent.body.message.id)
    expect(seen.body.unreadIds).toHaveLength((chat.counter as number) + 1)
    expect(seen.body.messages.at(-1)).toEqual({
      id: sent.body.message.id,
      authorId: 2,
      text: 'ping',
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
    })
  })

  it('shows a joined colleague’s last message with its USER_JOIN code', async () => {
    running = await startPortal()
    const joined = running.portal.store.truth(1).find((d) => d.joined)!
    const seen = await control(`__control/messages?dialog=${String(joined.id)}`)
    expect(seen.body.messages.at(-1)).toMatchObject({ authorId: joined.id, code: 'USER_JOIN' })
  })

  it('refuses a dialog the user does not have and a malformed author', async () => {
    running = await startPortal()
    expect((await control('__control/message', { dialog: 'chat987654' })).status).toBe(400)
    expect((await control('__control/message', { dialog: 'chat1', author: -1 })).status).toBe(400)
    expect((await control('__control/message', {})).status).toBe(400)
    expect((await control('__control/messages?dialog=chat987654')).status).toBe(400)
  })
})

describe('control API: counters and notifications (control.ts, rest/counters.ts)', () => {
  it('GET /__control/counters answers what im.counters.get answers, in the shape set; reset goes back to the start shape', async () => {
    running = await startPortal({ countersShape: 'legacy' })
    const { accessToken } = running.login(1)
    const rest = await running.rest('im.counters.get', { auth: accessToken })
    const seen = await control('__control/counters?user=1')
    expect(seen.body).toEqual({ shape: 'legacy', result: rest.body.result })
    expect(Object.keys(seen.body.result.TYPE)).toEqual(['ALL', 'NOTIFY', 'DIALOG', 'CHAT', 'LINES'])

    expect((await control('__control/counters-shape', { shape: 'current' })).body).toEqual({
      ok: true,
      shape: 'current',
    })
    expect((await control('__control/counters')).body.result.TYPE).toHaveProperty('MESSENGER')
    expect((await control('__control/counters-shape', { shape: 'newest' })).status).toBe(400)
    await control('__control/reset', {})
    expect((await control('__control/counters')).body.shape).toBe('legacy')
  })

  it('POST /__control/notify sets the notification counter; the truth shows it', async () => {
    running = await startPortal()
    expect((await control('__control/truth')).body.notify).toBe(3)
    expect((await control('__control/notify', { user: 2, count: 7 })).body).toEqual({
      ok: true,
      user: 2,
      count: 7,
    })
    expect((await control('__control/truth?user=2')).body.notify).toBe(7)
    expect((await control('__control/counters?user=2')).body.result.TYPE).toMatchObject({
      NOTIFY: 7,
    })
    expect((await control('__control/notify', { count: -1 })).status).toBe(400)
  })

  it('the truth names joined colleagues, last authors, channel comments and the queue’s null entry', async () => {
    running = await startPortal()
    const truth = (await control('__control/truth')).body
    expect(truth.dialogs.some((d: any) => d.joined === true)).toBe(true)
    expect(truth.dialogs.every((d: any) => 'lastAuthorId' in d)).toBe(true)
    expect(truth.dialogs.find((d: any) => d.chatType === 'channel').comments).toBe(2)
    expect(truth.queued).toContain(null)
  })
})

describe('the typed control client (e2e/support/portal.ts) over these routes', () => {
  it('sends a message, reads the history, the counters and the notifications back', async () => {
    running = await startPortal()
    const base = running.base
    const truth = await client.truth(base)
    expect(truth.queued).toContain(null)
    const dialog = truth.dialogs.find((d) => d.type === 'user' && !d.placeholder)!
    const sent = await client.message(base, { dialog: dialog.id, text: 'hi' })
    const history = await client.messages(base, dialog.id)
    expect(history.messages.at(-1)).toMatchObject({ id: sent.message.id, text: 'hi' })
    expect(history.unreadIds).toContain(sent.message.id)

    await client.setNotify(base, 5)
    await client.setCountersShape(base, 'legacy')
    const counters = await client.counters(base)
    expect(counters.shape).toBe('legacy')
    expect(counters.result.TYPE).toMatchObject({ NOTIFY: 5 })
    await client.reset(base)
    expect((await client.counters(base)).shape).toBe('current')
  })
})
