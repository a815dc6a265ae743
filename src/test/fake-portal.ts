import { vi } from 'vitest'
import type { Portal } from '../bitrix24/connection.ts'
import { RestError } from '../bitrix24/rest.ts'

export type Handler = (params: Record<string, unknown>) => unknown

/**
 * A stand-in for the SDK's frame in component tests: REST calls go to the given handlers and
 * come back in the SDK's AjaxResult shape; a handler throws a RestError to fail the call.
 * (End-to-end tests use the real SDK against the local portal instead.)
 */
export function createFakePortal(handlers: Record<string, Handler>, placement = 'DEFAULT') {
  const calls: { method: string; params: Record<string, unknown> }[] = []
  const calls_ = calls
  const make = vi.fn(
    async ({ method, params = {} }: { method: string; params?: Record<string, unknown> }) => {
      calls.push({ method, params })
      const handler = handlers[method]
      if (!handler)
        throw new RestError('ERROR_METHOD_NOT_FOUND', 404, `Method not found: ${method}`)
      const result = await handler(params)
      return {
        isSuccess: true,
        getData: () => ({ result, time: {} }),
        getErrors: () => [].values(),
      }
    },
  )
  /** `batch` as the SDK hands it back with returnAjaxResult: one AjaxResult-like per command key. */
  const batch = vi.fn(
    async ({ calls }: { calls: Record<string, [string, Record<string, unknown>]> }) => {
      calls_.push({ method: 'batch', params: { keys: Object.keys(calls) } })
      const answers: Record<string, unknown> = {}
      for (const [key, [method, params]] of Object.entries(calls)) {
        calls_.push({ method, params })
        try {
          const result = await handlers[method]?.(params)
          answers[key] = {
            isSuccess: true,
            getData: () => ({ result }),
            getErrors: () => [].values(),
          }
        } catch (error) {
          answers[key] = {
            isSuccess: false,
            getData: () => undefined,
            getErrors: () => [error].values(),
          }
        }
      }
      return { getData: () => answers }
    },
  )
  const imOpenMessenger = vi.fn(async () => {})
  const userOptions = new Map<string, unknown>()
  const portal = {
    actions: { v2: { call: { make }, batch: { make: batch } } },
    options: {
      userGet: (name: string) => {
        if (!userOptions.has(name)) throw new Error(`user.option.${name} not set`)
        return userOptions.get(name)
      },
      userSet: async (name: string, value: unknown) => void userOptions.set(name, value),
    },
    getTargetOrigin: () => 'https://acme.bitrix24.com',
    parent: { imOpenMessenger, resizeWindowAuto: vi.fn(async () => {}) },
    placement: { placement },
    getLang: () => 'en',
    isInstallMode: false,
  } as unknown as Portal
  return { portal, calls, imOpenMessenger }
}

/** A promise the test settles by hand, to hold a server answer in flight. */
export function deferred<T = unknown>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
