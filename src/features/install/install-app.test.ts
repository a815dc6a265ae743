import { describe, expect, it, vi } from 'vitest'
import type { Portal } from '../../bitrix24/connection.ts'
import { RestError } from '../../bitrix24/rest.ts'
import { createFakePortal, type Handler } from '../../test/fake-portal.ts'
import { bindParams, installApp, type InstallStep } from './install-app.ts'

const HANDLER = 'https://unread.example.com/'

function setup(handlers: Record<string, Handler>) {
  const fake = createFakePortal(handlers)
  const installFinish = vi.fn(async () => {})
  const portal = Object.assign(fake.portal, { installFinish }) as Portal
  return { portal, calls: fake.calls, installFinish }
}

describe('installApp', () => {
  it('unbinds every old IM_NAVIGATION handler, binds this one, then finishes', async () => {
    const { portal, calls, installFinish } = setup({
      'placement.get': () => [
        { placement: 'IM_NAVIGATION', handler: 'https://old.example.com/app/' },
        { placement: 'IM_NAVIGATION', handler: HANDLER },
        { placement: 'CRM_LEAD_DETAIL_TAB', handler: 'https://other.example.com/' },
      ],
      'placement.unbind': () => ({ count: 1 }),
      'placement.bind': () => true,
    })
    const steps: InstallStep[] = []
    await installApp(portal, { handler: HANDLER, onStep: (step) => steps.push(step) })

    expect(calls.map((c) => [c.method, c.params.HANDLER])).toEqual([
      ['placement.get', undefined],
      ['placement.unbind', 'https://old.example.com/app/'],
      ['placement.unbind', HANDLER],
      ['placement.bind', HANDLER],
    ])
    expect(calls[1]!.params.PLACEMENT).toBe('IM_NAVIGATION')
    expect(steps).toEqual(['check', 'unbind', 'bind', 'finish'])
    expect(installFinish).toHaveBeenCalledOnce()
  })

  it('binds with a title in all 20 portal languages and the navigation icon', () => {
    const params = bindParams(HANDLER)
    expect(params).toMatchObject({
      PLACEMENT: 'IM_NAVIGATION',
      HANDLER,
      TITLE: 'Unread marks',
      OPTIONS: { iconName: 'fa-envelope', extranet: 'N' },
    })
    expect(Object.keys(params.LANG_ALL)).toHaveLength(20)
    expect(params.LANG_ALL.ar).toEqual({ TITLE: 'علامات غير مقروءة' })
  })

  it('takes an "already bound" answer as success', async () => {
    const { portal, installFinish } = setup({
      'placement.get': () => [],
      'placement.bind': () => {
        throw new RestError(
          'ERROR_CORE',
          400,
          'Unable to set placement handler: Handler already binded',
        )
      },
    })
    await installApp(portal, { handler: HANDLER })
    expect(installFinish).toHaveBeenCalledOnce()
  })

  it('stops at the failed step and never calls installFinish', async () => {
    const { portal, installFinish } = setup({
      'placement.get': () => [],
      'placement.bind': () => {
        throw new RestError('ACCESS_DENIED', 403, 'Access denied!')
      },
    })
    await expect(installApp(portal, { handler: HANDLER })).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    })
    expect(installFinish).not.toHaveBeenCalled()
  })
})
