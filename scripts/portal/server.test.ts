/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { generateRecent } from './data/generate.ts'
import { startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'

let running: Running
afterEach(() => running?.close())

describe('REST endpoint', () => {
  it('answers the CORS preflight like a portal, and puts ACAO on errors too', async () => {
    running = await startPortal()
    const preflight = await fetch(
      new URL('rest/im.recent.unread?bx24_request_id=1', running.base),
      {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5999',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      },
    )
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5999')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    )
    expect(Number(preflight.headers.get('access-control-max-age'))).toBeGreaterThan(0)

    const error = await running.rest(
      'im.recent.unread',
      {},
      { headers: { Origin: 'http://localhost:5999', 'Content-Type': 'application/json' } },
    )
    expect(error.status).toBe(401)
    expect(error.headers.get('access-control-allow-origin')).toBe('http://localhost:5999')
  })

  it('answers malformed JSON with a 400 error shape and keeps serving', async () => {
    running = await startPortal()
    const bad = await running.rest('im.recent.list', '{"auth": ')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      error: expect.any(String),
      error_description: expect.any(String),
    })
    const { accessToken } = running.login()
    expect((await running.rest('im.recent.list', { auth: accessToken })).status).toBe(200)
  })

  it('unknown method → 404 ERROR_METHOD_NOT_FOUND', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const answer = await running.rest('im.recent.nope', { auth: accessToken })
    expect([answer.status, answer.body]).toEqual([
      404,
      { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    ])
  })

  it('a thrown handler error is a 500 INTERNAL_SERVER_ERROR, and the server keeps running', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const original = running.portal.store.user.bind(running.portal.store)
    running.portal.store.user = () => {
      throw new Error('broken store')
    }
    const answer = await running.rest('im.recent.list', { auth: accessToken })
    expect([answer.status, answer.body.error]).toEqual([500, 'INTERNAL_SERVER_ERROR'])
    running.portal.store.user = original
    expect((await running.rest('im.recent.list', { auth: accessToken })).status).toBe(200)
  })

  it('accepts form-urlencoded bodies, `.json` suffixes and ignores bx24_* query params', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const form = await fetch(
      new URL('rest/im.recent.list.json?bx24_request_id=abc&bx24_sdk_ver=2.2.0', running.base),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `auth=${accessToken}&LIMIT=5&SKIP_DIALOG=Y`,
      },
    )
    const body = (await form.json()) as {
      result: { items: ({ type: string } | null)[] }
      total: number
      time: Record<string, unknown>
    }
    expect(form.status).toBe(200)
    expect(body.total).toBe(-1)
    // The queued open-line sessions (a null among them) come on top of the LIMIT.
    const queued = running.portal.store.user(1).queued.length
    expect(body.result.items.length).toBeLessThanOrEqual(5 + queued)
    expect(body.result.items.every((item) => item === null || item.type === 'chat')).toBe(true)
    expect(Object.keys(body.time)).toEqual([
      'start',
      'finish',
      'duration',
      'processing',
      'date_start',
      'date_finish',
      'operating_reset_at',
      'operating',
    ])
    expect(body.time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
  })
})

describe('control API', () => {
  const control = async (path: string, method = 'POST', body?: unknown) => {
    const response = await fetch(new URL(path, running.base), {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: (await response.json()) as any }
  }

  it('names every dialog im.recent.unread was asked about, plain or inside a batch', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    await running.rest('im.recent.unread', { auth: accessToken, DIALOG_ID: 'chat1', ACTION: 'N' })
    await running.rest('batch', {
      auth: accessToken,
      halt: 0,
      cmd: { a: 'im.recent.unread?DIALOG_ID=42&ACTION=Y', b: 'im.recent.list?LIMIT=1' },
    })
    const requests = await control('__control/requests', 'GET')
    expect(requests.body.unreadDialogIds).toEqual(['chat1', '42'])
  })

  it('counts each batch once by the set of methods it carried, so a read batch is no write', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const batch = (cmd: Record<string, string>) =>
      running!.rest('batch', { auth: accessToken, halt: 0, cmd })
    await batch({ a: 'im.recent.unread?DIALOG_ID=42&ACTION=Y', b: 'im.dialog.read?DIALOG_ID=42' })
    await batch({ a: 'im.recent.list?OFFSET=0', b: 'im.recent.list?OFFSET=200' })
    const requests = await control('__control/requests', 'GET')
    expect(requests.body.batchesByMethods).toEqual({
      'im.dialog.read+im.recent.unread': 1,
      'im.recent.list': 1,
    })
    expect(requests.body.byMethod.batch).toBe(2)
  })

  it('is absent without test mode', async () => {
    running = await startPortal({ test: false })
    expect((await fetch(new URL('__control/requests', running.base))).status).toBe(404)
  })

  it('injects http / result-false / drop / stall faults and clears them', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    await control('__control/faults', 'POST', {
      method: 'im.recent.unread',
      kind: 'http',
      status: 503,
      error: 'QUERY_LIMIT_EXCEEDED',
      description: 'Too many requests',
    })
    const failed = await running.rest('im.recent.unread', { auth: accessToken, DIALOG_ID: 'chat1' })
    expect([failed.status, failed.body.error]).toEqual([503, 'QUERY_LIMIT_EXCEEDED'])
    expect(
      (await running.rest('im.recent.unread', { auth: accessToken, DIALOG_ID: 'chat999999' }))
        .status,
    ).toBe(200) // times: 1

    const target = running.portal.store.truth(1).find((d) => d.unread === false)!
    await control('__control/faults', 'POST', {
      method: 'im.recent.unread',
      kind: 'result-false',
      times: -1,
    })
    for (let i = 0; i < 2; i++) {
      const answer = await running.rest('im.recent.unread', {
        auth: accessToken,
        DIALOG_ID: target.id,
      })
      expect(answer.body.result).toBe(false)
    }
    expect(running.portal.store.truth(1).find((d) => d.id === target.id)!.unread).toBe(false)
    await control('__control/faults', 'DELETE')

    await control('__control/faults', 'POST', { method: '*', kind: 'drop' })
    await expect(running.rest('im.counters.get', { auth: accessToken })).rejects.toThrow()

    // A stalled request still gets its normal answer (its delay: faults.test.ts, by order of answers).
    await control('__control/faults', 'POST', { method: 'im.counters.get', kind: 'stall', ms: 50 })
    expect((await running.rest('im.counters.get', { auth: accessToken })).status).toBe(200)
  })

  it('stores raw data as given, reports truth and request counts, and resets', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    const hostile = [
      {
        id: 'chat5',
        type: 'chat',
        title: '<img src=x onerror=alert(1)>',
        unread: 'yes',
        counter: -3,
      },
      42,
      null,
    ]
    await control('__control/data', 'POST', { dialogs: hostile })
    const list = await running.rest('im.recent.list', { auth: accessToken })
    expect(list.body.result.items).toEqual(hostile)
    const truth = await control('__control/truth?user=1', 'GET')
    expect(truth.body.dialogs[0]).toMatchObject({ id: 'chat5', unread: 'yes', counter: -3 })
    expect(truth.body.dialogs).toHaveLength(3)

    const requests = await control('__control/requests', 'GET')
    expect(requests.body).toMatchObject({ total: 1, byMethod: { 'im.recent.list': 1 } })
    await control('__control/latency', 'POST', { ms: 50 })
    expect((await control('portal-api/log', 'GET')).body.entries).not.toEqual([])
    await control('__control/reset')
    // The log the portal page shows starts empty too, so a test sees only its own requests.
    expect((await control('portal-api/log', 'GET')).body.entries).toEqual([])
    expect((await control('__control/requests', 'GET')).body).toEqual({
      total: 0,
      byMethod: {},
      commands: {},
      batchesByMethods: {},
      rateLimited: 0,
      unreadDialogIds: [],
    })
    expect((await control('__control/truth', 'GET')).body.dialogs).toHaveLength(120)

    await control('__control/data', 'POST', { user: 2, count: 7 })
    expect((await control('__control/truth?user=2', 'GET')).body.dialogs).toHaveLength(7)
    expect((await control('__control/data', 'POST', { count: 20001 })).status).toBe(400)
  })

  it('expires tokens now and changes the rate limit', async () => {
    running = await startPortal()
    const { accessToken } = running.login()
    await control('__control/auth', 'POST', { expireNow: true })
    expect((await running.rest('im.counters.get', { auth: accessToken })).body.error).toBe(
      'expired_token',
    )
    const fresh = running.login()
    await control('__control/rate-limit', 'POST', { burst: 1, drain: 0 })
    expect((await running.rest('im.counters.get', { auth: fresh.accessToken })).status).toBe(200)
    expect((await running.rest('im.counters.get', { auth: fresh.accessToken })).status).toBe(503)
    await control('__control/rate-limit', 'POST', { off: true })
    expect((await running.rest('im.counters.get', { auth: fresh.accessToken })).status).toBe(200)
  })
})

describe('portal page', () => {
  it('serves the page with its element ids and the bundled script', async () => {
    running = await startPortal({ appUrl: 'http://localhost:5999/app/' })
    const html = await (
      await fetch(new URL('?lang=ar&placement=IM_NAVIGATION&user=3', running.base))
    ).text()
    for (const id of [
      'request-log',
      'app-title',
      'opened-dialog',
      'reload-app',
      'lang-select',
      'placement-select',
      'user-select',
      'install-select',
    ]) {
      expect(html).toContain(`id="${id}"`)
    }
    expect(html).toContain('data-placement="IM_NAVIGATION"')
    expect(html).toContain('<option value="ar" selected>')
    const script = await fetch(new URL('portal-assets/page.js', running.base))
    expect(script.status).toBe(200)
    expect(await script.text()).toContain('getInitData')
  })
})

describe('demo data', () => {
  it('generates 20,000 distinct dialogs, deterministically', () => {
    // How fast is the bench's business; here it must work at full size and be deterministic.
    const items = generateRecent(1, 20_000)
    expect(items).toHaveLength(20_000)
    expect(new Set(items.map((item) => item.id)).size).toBe(20_000)
    expect(JSON.stringify(generateRecent(2, 50))).toBe(JSON.stringify(generateRecent(2, 50)))
  }, 60_000) // seconds on a busy machine; only a runaway generator comes near a minute

  // A real portal's answer, recorded with the REST docs (data/samples/README.md).
  const SAMPLE = fileURLToPath(
    new URL('./data/samples/im.recent.list.response.json', import.meta.url),
  )
  it('shapes items field for field like the recorded im.recent.list answer', () => {
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
      result: { items: Record<string, any>[] }
    }
    const [sampleUser, sampleChat] = sample.result.items as [
      Record<string, any>,
      Record<string, any>,
    ]
    const items = generateRecent(1, 200)
    const user = items.find((item) => item.type === 'user')!
    const chat = items.find((item) => item.type === 'chat' && !('lines' in item))! as Record<
      string,
      any
    >
    expect(Object.keys(user)).toEqual(Object.keys(sampleUser))
    expect(Object.keys(user.user as object)).toEqual(Object.keys(sampleUser.user))
    expect(Object.keys(user.message as object)).toEqual(Object.keys(sampleUser.message))
    expect(Object.keys(chat)).toEqual(Object.keys(sampleChat))
    expect(Object.keys(chat.chat)).toEqual(Object.keys(sampleChat.chat))
    const lines = items.find((item) => 'lines' in item) as Record<string, any>
    expect(Object.keys(lines.lines)).toEqual(['id', 'status', 'date_create'])
    expect(lines.chat.type).toBe('lines')
    // Pinned first, then by last activity, newest first.
    const firstUnpinned = items.findIndex((item) => item.pinned !== true)
    expect(firstUnpinned).toBeGreaterThan(0)
    expect(items.slice(firstUnpinned).some((item) => item.pinned === true)).toBe(false)
    const dates = items
      .slice(firstUnpinned)
      .map((item) => Date.parse(String(item.date_last_activity)))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
  })
})
