import { afterEach, describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { startPortal } from '../test-support.ts'
import type { Running } from '../test-support.ts'
import { dispatch } from './dispatcher.ts'
import type { MethodContext } from './types.ts'

function context(isAdmin = true): MethodContext {
  return { userId: 1, isAdmin, store: new PortalStore(0) }
}

const bind = (ctx: MethodContext, params: Record<string, unknown>) =>
  dispatch(
    'placement.bind',
    { PLACEMENT: 'IM_NAVIGATION', HANDLER: 'https://app.example/', ...params },
    ctx,
  ).result

const INVALID = {
  error: 'INVALID_ERROR_ICON_NAME',
  error_description: 'Field iconName is invalid.',
}

describe('placement.bind, iconName (rest module lib/api/placement.php, Placement::bind / prepareOptions; im module lib/V2/Marketplace/RegistrationValidator.php, validateIconName)', () => {
  it.each(['IM_NAVIGATION', 'IM_TEXTAREA', 'IM_SIDEBAR'])(
    '%s without the iconName key: 400 ERROR_ARGUMENT naming iconName',
    (placement) => {
      for (const OPTIONS of [undefined, {}, { icon: 'fa-x' }]) {
        expect(() => bind(context(), { PLACEMENT: placement, OPTIONS })).toThrow(
          expect.objectContaining({
            status: 400,
            code: 'ERROR_ARGUMENT',
            description: "Argument 'iconName' is null or empty",
            extra: { argument: 'iconName' },
          }),
        )
      }
    },
  )

  it.each([
    ['', 'empty'],
    [null, 'null, cast to an empty string'],
    ['x'.repeat(51), 'longer than 50 characters'],
    ['123_456', 'no Latin letter, space or hyphen'],
    [5, 'a number'],
    [true, "true, cast to '1'"],
  ] as [unknown, string][])(
    'an iconName that is %j (%s) is returned as an error result, not bound',
    (iconName) => {
      const ctx = context()
      expect(bind(ctx, { OPTIONS: { iconName } })).toEqual(INVALID)
      expect(ctx.store.placements).toEqual([])
    },
  )

  it.each(['fa-envelope', 'x'.repeat(50), '1 2', '%%a%%', 'ёж-'])(
    'binds with iconName %j (the pattern is not anchored, no fa- prefix needed)',
    (iconName) => {
      const ctx = context()
      expect(bind(ctx, { OPTIONS: { iconName } })).toBe(true)
      expect(ctx.store.placements).toHaveLength(1)
    },
  )

  it('other placements need no iconName (IM_CONTEXT_MENU declares none)', () => {
    expect(bind(context(), { PLACEMENT: 'IM_CONTEXT_MENU' })).toBe(true)
  })

  it('a non-admin gets 403 ACCESS_DENIED "Access denied!" before anything is checked (checkPermission: AccessException)', () => {
    for (const method of ['placement.bind', 'placement.unbind']) {
      expect(() => dispatch(method, {}, context(false))).toThrow(
        expect.objectContaining({
          status: 403,
          code: 'ACCESS_DENIED',
          description: 'Access denied!',
        }),
      )
    }
  })

  it('a second bind of the same handler: 400 ERROR_CORE (PlacementTable::checkUniq)', () => {
    const ctx = context()
    bind(ctx, { OPTIONS: { iconName: 'fa-x' } })
    expect(() => bind(ctx, { OPTIONS: { iconName: 'fa-x' } })).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'ERROR_CORE',
        description: 'Unable to set placement handler: Handler already binded',
      }),
    )
  })
})

describe('an error returned as a result goes out as a 200 body (rest module classes/general/rest.php, CRestServer::processResponse; rest_provider.php, methodsBatch)', () => {
  let running: Running
  afterEach(() => running.close())

  it('is the whole body of a 200 answer, and that command’s result_error entry in a batch', async () => {
    running = await startPortal()
    const { accessToken } = running.login(1)
    const single = await running.rest('placement.bind', {
      auth: accessToken,
      PLACEMENT: 'IM_SIDEBAR',
      HANDLER: 'https://app.example/',
      OPTIONS: { iconName: '' },
    })
    expect([single.status, single.body]).toEqual([200, INVALID])

    const batch = await running.rest('batch', {
      auth: accessToken,
      halt: 1,
      cmd: {
        bad: 'placement.bind?PLACEMENT=IM_SIDEBAR&HANDLER=https%3A%2F%2Fapp.example%2F&OPTIONS[iconName]=',
        later: 'im.counters.get',
      },
    })
    expect(batch.status).toBe(200)
    expect(batch.body.result.result_error).toEqual({ bad: INVALID })
    expect(batch.body.result.result).toEqual([])
  })
})
