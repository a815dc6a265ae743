/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from './clock.ts'
import { startPortal } from './test-support.ts'
import type { Running } from './test-support.ts'

let running: Running
afterEach(() => running?.close())

async function post(path: string, body: unknown = {}) {
  const response = await fetch(new URL(path, running.base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as any }
}

const launch = async (body: Record<string, unknown> = {}) =>
  (await post('portal-api/launch', { user: 1, lang: 'en', ...body })).body

describe('getInitData FIRST_RUN (b24restdocs sdk/bx24-js-sdk/system-functions/bx24-install.md)', () => {
  it('is true on the first launch of the installed app per user, then false', async () => {
    running = await startPortal()
    expect((await launch()).firstRun).toBe(true)
    expect((await launch()).firstRun).toBe(false)
    expect((await launch({ user: 2 })).firstRun).toBe(true)
    expect((await launch({ user: 2, placement: 'IM_NAVIGATION' })).firstRun).toBe(false)
  })

  it('is false on the install page, and true again for the first run after installing', async () => {
    running = await startPortal()
    await post('__control/install', { installed: false })
    expect((await launch({ install: 'Y' })).firstRun).toBe(false)
    await post('portal-api/install-finish')
    expect((await launch()).firstRun).toBe(true)
  })
})

describe('setUserOption (answered at once, stored in the background)', () => {
  it('shows in a later launch only after the delay; the delay is a control knob', async () => {
    const clock = manualClock()
    running = await startPortal({ clock })
    await post('portal-api/options', { user: 1, name: 'filter', value: 'unread' })
    expect((await launch()).userOptions).toEqual({})
    clock.advance(2999)
    expect((await launch()).userOptions).toEqual({})
    clock.advance(1)
    expect((await launch()).userOptions).toEqual({ filter: 'unread' })

    await post('__control/user-option-delay', { ms: 0 })
    await post('portal-api/options', { user: 1, name: 'filter', value: 'all' })
    expect((await launch()).userOptions).toEqual({ filter: 'all' })
    const truth = await (await fetch(new URL('__control/truth', running.base))).json()
    expect(truth).toMatchObject({ userOptions: { filter: 'all' }, pendingUserOptions: {} })
  })
})

describe('install and the IM_NAVIGATION item (docs/bitrix24-facts.md, "Placements and install"; b24restdocs …/bx24-install-finish.md)', () => {
  it('a fresh portal has the app installed with its item bound to the app', async () => {
    running = await startPortal({ appUrl: 'http://localhost:5999/app/' })
    const data = await launch({ placement: 'IM_NAVIGATION' })
    expect(data.handler).toBe('http://localhost:5999/app/')
    expect(data.navigation).toEqual({
      title: 'Unread marks',
      handler: 'http://localhost:5999/app/',
    })
  })

  it('hides the item until the install is finished, then opens the handler placement.bind gave', async () => {
    running = await startPortal({ appUrl: 'http://localhost:5999/app/' })
    await post('__control/install', { installed: false })
    expect((await launch()).navigation).toBeNull()
    const refused = await post('portal-api/launch', { user: 1, placement: 'IM_NAVIGATION' })
    expect(refused.status).toBe(409)

    const install = await launch({ install: 'Y' })
    const bind = await running.rest('placement.bind', {
      auth: install.authId,
      PLACEMENT: 'IM_NAVIGATION',
      HANDLER: 'http://localhost:5999/app/?view=im',
      TITLE: 'Marks',
      OPTIONS: { iconName: 'fa-envelope' },
    })
    expect(bind.body.result).toBe(true)
    // Bound, but not installed yet: still hidden.
    expect((await launch({ install: 'Y' })).navigation).toBeNull()
    await post('portal-api/install-finish')
    const data = await launch({ placement: 'IM_NAVIGATION' })
    expect(data.navigation).toEqual({
      title: 'Marks',
      handler: 'http://localhost:5999/app/?view=im',
    })
    expect(data.handler).toBe('http://localhost:5999/app/?view=im')
  })

  it('records setInstallFinish in the request log, which the reloaded page reads back', async () => {
    running = await startPortal()
    await post('portal-api/install-finish')
    const log = await (await fetch(new URL('portal-api/log', running.base))).json()
    expect(log.entries[0]).toMatchObject({ source: 'frame', method: 'setInstallFinish' })
  })
})

describe('access errors as faults (b24restdocs _includes/system-errors.md; docs/bitrix24-facts.md, "REST calls")', () => {
  it.each([
    ['insufficient_scope', 401],
    ['user_access_error', 401],
    ['ACCESS_DENIED', 401],
    ['INVALID_CREDENTIALS', 401],
    ['OPERATION_TIME_LIMIT', 429],
  ])('%s comes with HTTP %i and its documented message', async (error, status) => {
    running = await startPortal()
    const { accessToken } = running.login()
    await post('__control/faults', { method: 'im.recent.list', kind: 'http', error })
    const answer = await running.rest('im.recent.list', { auth: accessToken })
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ error, error_description: expect.any(String) })
    expect(answer.body.error_description.length).toBeGreaterThan(10)
    expect((await running.rest('im.recent.list', { auth: accessToken })).status).toBe(200)
  })
})
