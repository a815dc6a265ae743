import { describe, expect, it } from 'vitest'
import { formatFrameReply, frameName, parseFrameMessage, resizeToCss } from './frame-protocol.ts'

const SID = 'c14d1f3266fe7ba3cd098e2d04dccda3'

describe('parseFrameMessage', () => {
  it('reads a command whose params are omitted', () => {
    expect(parseFrameMessage(`getInitData:cb1:${SID}`, SID)).toEqual({
      ok: true,
      command: 'getInitData',
      params: undefined,
      rawParams: '',
      callback: 'cb1',
      appSid: SID,
    })
  })

  it('takes callback and app sid from the end when params contain ":"', () => {
    const message = `setTitle:${JSON.stringify({ title: 'a:b::c', url: 'https://x.test:8080/p' })}:cb2:${SID}`
    const parsed = parseFrameMessage(message, SID)
    expect(parsed).toMatchObject({
      ok: true,
      command: 'setTitle',
      params: { title: 'a:b::c', url: 'https://x.test:8080/p' },
      callback: 'cb2',
    })
  })

  it('reads params the way the SDK builds them (JSON of the options, resize with "100%")', () => {
    const parsed = parseFrameMessage(`resizeWindow:{"width":"100%","height":812}:k9:${SID}`, SID)
    expect(parsed.ok && parsed.params).toEqual({ width: '100%', height: 812 })
  })

  it('rejects a message from another launch (wrong APP_SID)', () => {
    expect(parseFrameMessage(`getInitData:cb1:someoneelse`, SID)).toMatchObject({
      ok: false,
      reason: 'wrong-app-sid',
    })
  })

  it('reports bad JSON params without throwing', () => {
    const parsed = parseFrameMessage(`setTitle:{not json:cb3:${SID}`, SID)
    expect(parsed).toMatchObject({
      ok: true,
      command: 'setTitle',
      params: undefined,
      rawParams: '{not json',
    })
    expect(parsed.ok && parsed.paramsError).toBeTruthy()
  })

  it('rejects non-strings and malformed strings', () => {
    expect(parseFrameMessage({ method: 'x' }, SID)).toMatchObject({
      ok: false,
      reason: 'not-a-string',
    })
    expect(parseFrameMessage('getInitData', SID)).toMatchObject({ ok: false, reason: 'malformed' })
    expect(parseFrameMessage(`getInitData:${SID}`, SID)).toMatchObject({
      ok: false,
      reason: 'malformed',
    })
    expect(parseFrameMessage(`:cb:${SID}`, SID)).toMatchObject({ ok: false, reason: 'malformed' })
  })
})

describe('replies and names', () => {
  it('formats CALLBACK:JSON, and an empty payload when there is no result', () => {
    expect(formatFrameReply('cb1', { AUTH_ID: 'a:b' })).toBe('cb1:{"AUTH_ID":"a:b"}')
    expect(formatFrameReply('cb1')).toBe('cb1:')
  })

  it('names the iframe DOMAIN|PROTOCOL|APP_SID', () => {
    expect(frameName('127.0.0.1:4602', false, SID)).toBe(`127.0.0.1:4602|0|${SID}`)
  })

  it('turns resizeWindow params into safe CSS sizes', () => {
    expect(resizeToCss({ width: '100%', height: 300 })).toEqual({ width: '100%', height: '300px' })
    expect(resizeToCss({ width: 'calc(1px); color:red', height: -5 })).toEqual({})
    expect(resizeToCss(null)).toEqual({})
  })
})
