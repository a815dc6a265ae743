import { afterEach, describe, expect, it } from 'vitest'
import { MAX_BATCH_COMMANDS, parseCommand, runBatch } from './batch.ts'
import { phpArray } from './rest/php-json.ts'
import type { CommandOutcome } from './batch.ts'
import { parsePhpQuery } from './php-query.ts'
import { makeTime } from './rest/time.ts'
import { sdkClient, startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'

const ok = (result: unknown): CommandOutcome => ({ ok: true, result, time: makeTime(0, 1) })

describe('PHP query strings', () => {
  it('parses nested keys and lists like parse_str', () => {
    expect(parsePhpQuery('A%5BB%5D=c&L%5B0%5D=1&L%5B1%5D=2&P[]=x&P[]=y&plain=a+b%20c')).toEqual({
      A: { B: 'c' },
      L: ['1', '2'],
      P: ['x', 'y'],
      plain: 'a b c',
    })
  })

  it('keeps long lists as lists (qs would turn index > 20 into an object)', () => {
    const query = Array.from({ length: 30 }, (_, i) => `ID[${i}]=${i}`).join('&')
    expect(parsePhpQuery(query).ID).toHaveLength(30)
  })

  it('ignores prototype keys', () => {
    expect(parsePhpQuery('__proto__[x]=1&a[constructor]=2&ok=1')).toEqual({ ok: '1' })
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('splits a batch row into method and params', () => {
    expect(parseCommand('im.recent.unread?DIALOG_ID=chat5&ACTION=N')).toEqual({
      method: 'im.recent.unread',
      params: { DIALOG_ID: 'chat5', ACTION: 'N' },
    })
    expect(parseCommand('im.counters.get')).toEqual({ method: 'im.counters.get', params: {} })
  })
})

describe('runBatch', () => {
  it('answers object commands under their keys, and empty maps as []', () => {
    const answer = runBatch({ halt: 0, cmd: { a: 'm.one?X=1', b: 'm.two' } }, (method, params) =>
      ok({ method, params }),
    )
    expect(answer).toEqual({
      result: { a: { method: 'm.one', params: { X: '1' } }, b: { method: 'm.two', params: {} } },
      result_error: [],
      result_total: [],
      result_next: [],
      result_time: { a: expect.any(Object), b: expect.any(Object) },
    })
  })

  it('answers array commands as lists', () => {
    const answer = runBatch({ cmd: ['m.one', 'm.two'] }, () => ok(true))
    expect(answer.result).toEqual([true, true])
  })

  it('runs at most 50 commands; the extra ones fail with ERROR_BATCH_LENGTH_EXCEEDED', () => {
    const cmd = Object.fromEntries(Array.from({ length: 53 }, (_, i) => [`k${i}`, 'm.x']))
    let executed = 0
    const answer = runBatch({ cmd }, () => {
      executed++
      return ok(1)
    })
    expect(executed).toBe(MAX_BATCH_COMMANDS)
    expect(Object.keys(answer.result as object)).toHaveLength(50)
    expect(answer.result_error).toEqual({
      k50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
      k51: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
      k52: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    })
  })

  it('halt=1 stops at the first error; halt=0 goes on', () => {
    const execute = (method: string): CommandOutcome =>
      method === 'bad' ? { ok: false, error: { error: 'E', error_description: 'e' } } : ok(method)
    const cmd = { a: 'good', b: 'bad', c: 'good' }
    expect(runBatch({ halt: 1, cmd }, execute)).toMatchObject({
      result: { a: 'good' },
      result_error: { b: { error: 'E' } },
    })
    expect(runBatch({ halt: 1, cmd }, execute).result as object).not.toHaveProperty('c')
    expect(runBatch({ halt: 0, cmd }, execute).result).toEqual({ a: 'good', c: 'good' })
  })

  it('keeps array keys as an object once there is a gap (PHP json_encode)', () => {
    expect(
      phpArray([
        ['0', 'a'],
        ['2', 'c'],
      ]),
    ).toEqual({ 0: 'a', 2: 'c' })
  })

  it('refuses a nested batch and resolves $result references', () => {
    const answer = runBatch(
      { cmd: { first: 'm.one', second: 'm.two?ID=$result[first][id]', nested: 'batch?cmd[x]=y' } },
      (method, params) => (method === 'm.one' ? ok({ id: 42 }) : ok(params)),
    )
    expect(answer.result).toEqual({ first: { id: 42 }, second: { ID: 42 } })
    expect(answer.result_error).toMatchObject({
      nested: { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED' },
    })
  })
})

describe('runBatch as CRestProvider::methodsBatch runs it (rest module classes/general/rest_provider.php)', () => {
  const failing = (method: string): CommandOutcome =>
    method === 'bad' ? { ok: false, error: { error: 'E', error_description: 'e' } } : ok(method)
  const cmd = { a: 'good', b: 'bad', c: 'good' }

  it.each([1, '1', true, 'Y', 'N', 'false', 'no', '0.0', [0], { x: 0 }])(
    'halt %j is PHP-true: the batch stops at the first error',
    (halt) => {
      expect(runBatch({ halt, cmd }, failing)).toMatchObject({
        result: { a: 'good' },
        result_error: { b: { error: 'E' } },
      })
      expect(runBatch({ halt, cmd }, failing).result).not.toHaveProperty('c')
    },
  )

  it.each([0, '0', '', false, null, undefined, [], {}])(
    'halt %j is PHP-false: every command runs',
    (halt) => {
      expect(runBatch({ halt, cmd }, failing).result).toEqual({ a: 'good', c: 'good' })
    },
  )

  it('reads HALT and CMD in any case (array_change_key_case)', () => {
    expect(runBatch({ HALT: 'N', CMD: cmd }, failing).result).toEqual({ a: 'good' })
  })

  it('skips a command that is not a string without any entry, yet counts it toward the 50', () => {
    const rows: unknown[] = [42, ...Array.from({ length: 50 }, () => 'm.x')]
    let executed = 0
    const answer = runBatch({ cmd: rows }, () => {
      executed++
      return ok(1)
    })
    expect(executed).toBe(49)
    expect(answer.result).toEqual(
      Object.fromEntries(Array.from({ length: 49 }, (_, i) => [String(i + 1), 1])),
    )
    expect(answer.result_error).toEqual({
      50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    })
    const skipped = runBatch({ cmd: { a: { method: 'm.x' }, b: null, c: 'm.y' } }, () => ok(1))
    expect([skipped.result, skipped.result_error]).toEqual([{ c: 1 }, []])
  })

  it('with halt, a command past 50 stops the batch at its own error', () => {
    const rows = Array.from({ length: 53 }, () => 'm.x')
    const answer = runBatch({ halt: 1, cmd: rows }, () => ok(1))
    expect(answer.result_error).toEqual({
      50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    })
  })

  it.each(['batch', 'download', 'UPLOAD'])('refuses %s inside a batch', (method) => {
    let executed = 0
    const answer = runBatch({ cmd: { x: `${method}?a=1` } }, () => {
      executed++
      return ok(1)
    })
    expect(executed).toBe(0)
    expect(answer.result_error).toEqual({
      x: {
        error: 'ERROR_BATCH_METHOD_NOT_ALLOWED',
        error_description: 'Method is not allowed for batch usage',
      },
    })
  })
})

describe('batch through the SDK', () => {
  let running: Running
  afterEach(() => running.close())

  it('a batch of im.recent.unread built and read back by the SDK (HttpV2.batch)', async () => {
    running = await startPortal()
    const { http } = sdkClient(running)
    const truth = running.portal.store.truth(1)
    const chat = truth.find((d) => typeof d.id === 'string' && d.unread === false)!
    const user = truth.find((d) => typeof d.id === 'number' && d.unread === false)!
    const response = await http.batch(
      {
        mark: { method: 'im.recent.unread', params: { DIALOG_ID: chat.id, ACTION: 'Y' } },
        markUser: { method: 'im.recent.unread', params: { DIALOG_ID: user.id } },
        missing: { method: 'im.recent.unread', params: { DIALOG_ID: 'chat999999' } },
        empty: { method: 'im.recent.unread', params: { DIALOG_ID: 'nonsense' } },
      },
      { isHaltOnError: false },
    )
    const results = response.getData()!.result!
    expect(results.get('mark')!.getData()!.result).toBe(true)
    expect(results.get('markUser')!.getData()!.result).toBe(true)
    expect(results.get('missing')!.getData()!.result).toBe(false)
    expect(results.get('empty')!.isSuccess).toBe(false)
    expect(results.get('empty')!.getErrorMessages().join()).toContain("Dialog ID can't be empty")
    const after = running.portal.store.truth(1)
    expect(after.find((d) => d.id === chat.id)!.unread).toBe(true)
    expect(after.find((d) => d.id === user.id)!.unread).toBe(true)
    // One HTTP request, four commands.
    expect(running.portal.stats.snapshot()).toMatchObject({
      total: 1,
      byMethod: { batch: 1 },
      commands: { 'im.recent.unread': 4 },
    })
  })

  it('array calls come back by index', async () => {
    running = await startPortal()
    const { http } = sdkClient(running)
    const response = await http.batch([
      ['im.recent.unread', { DIALOG_ID: 'chat999999' }],
      ['im.counters.get', {}],
    ])
    const results = response.getData()!.result!
    expect(results.get(0)!.getData()!.result).toBe(false)
    expect(results.get(1)!.getData()!.result).toMatchObject({ TYPE: { NOTIFY: 3 } })
  })

  it('a per-command fault shows up as that command’s error inside the batch', async () => {
    running = await startPortal()
    running.portal.faults.add({
      method: 'im.recent.unread',
      kind: 'http',
      status: 500,
      error: 'INTERNAL_SERVER_ERROR',
      description: 'boom',
      ms: 0,
      times: 1,
    })
    const { http } = sdkClient(running)
    const response = await http.batch(
      {
        a: { method: 'im.recent.unread', params: { DIALOG_ID: 'chat999999' } },
        b: { method: 'im.counters.get' },
      },
      { isHaltOnError: false },
    )
    const results = response.getData()!.result!
    expect(results.get('a')!.isSuccess).toBe(false)
    expect(results.get('b')!.isSuccess).toBe(true)
  })
})
