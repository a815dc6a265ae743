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
  it('unbinds every old handler of both placements, binds this one to each, then finishes', async () => {
    const { portal, calls, installFinish } = setup({
      'placement.get': () => [
        { placement: 'IM_NAVIGATION', handler: 'https://old.example.com/app/' },
        { placement: 'IM_NAVIGATION', handler: HANDLER },
        { placement: 'IM_CONTEXT_MENU', handler: HANDLER },
        { placement: 'CRM_LEAD_DETAIL_TAB', handler: 'https://other.example.com/' },
      ],
      'placement.unbind': () => ({ count: 1 }),
      'placement.bind': () => true,
    })
    const steps: InstallStep[] = []
    await installApp(portal, { handler: HANDLER, onStep: (step) => steps.push(step) })

    expect(calls.map((c) => [c.method, c.params.PLACEMENT, c.params.HANDLER])).toEqual([
      ['placement.get', undefined, undefined],
      ['placement.unbind', 'IM_NAVIGATION', 'https://old.example.com/app/'],
      ['placement.unbind', 'IM_NAVIGATION', HANDLER],
      ['placement.unbind', 'IM_CONTEXT_MENU', HANDLER],
      ['placement.bind', 'IM_NAVIGATION', HANDLER],
      ['placement.bind', 'IM_CONTEXT_MENU', HANDLER],
    ])
    expect(steps).toEqual(['check', 'unbind', 'bind', 'bindMenu', 'finish'])
    expect(installFinish).toHaveBeenCalledOnce()
  })

  it('binds the navigation item with a title in all 20 portal languages and its icon', () => {
    const params = bindParams('IM_NAVIGATION', HANDLER)
    expect(params).toMatchObject({
      PLACEMENT: 'IM_NAVIGATION',
      HANDLER,
      TITLE: 'Unread marks',
      OPTIONS: { iconName: 'fa-envelope', extranet: 'N' },
    })
    expect(Object.keys(params.LANG_ALL)).toHaveLength(20)
    expect(params.LANG_ALL.ar).toEqual({ TITLE: 'علامات غير مقروءة' })
  })

  it('binds the message menu item as "Mark unread from here" in all 20 portal languages', () => {
    const params = bindParams('IM_CONTEXT_MENU', HANDLER)
    expect(params).toMatchObject({
      PLACEMENT: 'IM_CONTEXT_MENU',
      HANDLER,
      TITLE: 'Mark unread from here',
    })
    expect(Object.keys(params.LANG_ALL)).toHaveLength(20)
    expect(params.LANG_ALL.de).toEqual({ TITLE: 'Ab hier als ungelesen markieren' })
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
