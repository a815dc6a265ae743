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
  /** Every call, batch commands too (those with `inBatch`: they rode in the batch's request). */
  const calls: { method: string; params: Record<string, unknown>; inBatch?: true }[] = []
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
      calls_.push({
        method: 'batch',
        params: { commands: Object.values(calls).map(([method, params]) => ({ method, params })) },
      })
      const answers: Record<string, unknown> = {}
      for (const [key, [method, params]] of Object.entries(calls)) {
        calls_.push({ method, params, inBatch: true })
        try {
          const handler = handlers[method]
          if (!handler)
            throw new RestError('ERROR_METHOD_NOT_FOUND', 404, `Method not found: ${method}`)
          const result = await handler(params)
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
    parent: {
      imOpenMessenger,
      resizeWindowAuto: vi.fn(async () => {}),
      setTitle: vi.fn(async () => {}),
    },
    placement: { placement },
    getLang: () => 'en',
    isInstallMode: false,
  } as unknown as Portal
  return { portal, calls, imOpenMessenger }
}

/** One dialog of the in-memory im module: what im.recent.list sends for it. */
export interface FakeDialog {
  id: number | string
  title: string
  /** Unread messages. */
  counter: number
  /** The manual mark. */
  unread: boolean
  [field: string]: unknown
}

/**
 * Decides each write's answer before it takes effect: return (or resolve) `false` for "no such
 * dialog", throw (or reject) a RestError to fail it; anything else lets the write happen.
 */
export type Gate = (method: string, params: Record<string, unknown>) => unknown

/**
 * The im methods of this app as the portal's own code has them (docs/bitrix24-facts.md):
 * im.recent.unread only sets or removes the manual mark (`N` never reads messages);
 * im.dialog.read without MESSAGE_ID reads the messages and clears the mark; im.counters.get counts
 * what is unread (no muted chats, no open lines here). A write that succeeded is what the next
 * im.recent.list and im.counters.get return.
 */
export function imMethods(server: FakeDialog[], gate: Gate = () => true): Record<string, Handler> {
  const find = (params: Record<string, unknown>) => server.find((d) => d.id === params.DIALOG_ID)
  const write =
    (method: string, apply: (dialog: FakeDialog, params: Record<string, unknown>) => unknown) =>
    async (params: Record<string, unknown>) => {
      if ((await gate(method, params)) === false) return false
      const dialog = find(params)
      return dialog ? apply(dialog, params) : false
    }
  return {
    // One page holds everything; a page past it is empty (no queue in this portal).
    'im.recent.list': (params) => ({
      items: Number(params.OFFSET ?? 0) > 0 ? [] : server.map((dialog) => ({ ...dialog })),
      hasMore: false,
    }),
    'im.recent.unread': write('im.recent.unread', (dialog, params) => {
      dialog.unread = params.ACTION !== 'N'
      return true
    }),
    'im.dialog.read': write('im.dialog.read', (dialog) => {
      dialog.counter = 0
      dialog.unread = false
      return { dialogId: String(dialog.id), counter: 0 }
    }),
    'im.counters.get': () => countersOf(server),
    profile: () => ({ ID: '1' }),
    'im.dialog.read.all': async (params) => {
      if ((await gate('im.dialog.read.all', params)) === false) return false
      for (const dialog of server) Object.assign(dialog, { counter: 0, unread: false })
      return true
    },
  }
}

/** im.counters.get over the fake server's dialogs (current shape, no muted chats or lines). */
export function countersOf(server: readonly FakeDialog[]) {
  const maps = { DIALOG: {} as Record<string, number>, CHAT: {} as Record<string, number> }
  const marks = { DIALOG_UNREAD: [] as number[], CHAT_UNREAD: [] as number[] }
  let messenger = 0
  for (const dialog of server) {
    const chat = typeof dialog.id === 'string' ? /^chat(\d+)$/.exec(dialog.id) : null
    const id = chat ? Number(chat[1]) : Number(dialog.id)
    if (dialog.counter > 0) (chat ? maps.CHAT : maps.DIALOG)[id] = dialog.counter
    if (dialog.unread) (chat ? marks.CHAT_UNREAD : marks.DIALOG_UNREAD).push(id)
    messenger += dialog.counter > 0 ? dialog.counter : dialog.unread ? 1 : 0
  }
  return { TYPE: { ALL: messenger, NOTIFY: 0, MESSENGER: messenger }, ...maps, ...marks }
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
