/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import { RestError } from './errors.ts'
import type { MethodContext } from './types.ts'

function context(dialogs = 120): MethodContext {
  return { userId: 1, isAdmin: true, store: new PortalStore(dialogs) }
}

type ListResult = { items: { id: string | number }[]; hasMore: boolean; hasMorePages: boolean }

function page(ctx: MethodContext, params: Record<string, unknown>): ListResult {
  return dispatch('im.recent.list', params, ctx).result as ListResult
}

describe('im.recent.list paging', () => {
  it('has total -1 and the documented result keys', () => {
    const answer = dispatch('im.recent.list', {}, context())
    expect(answer.total).toBe(-1)
    expect(Object.keys(answer.result as object)).toEqual([
      'items',
      'hasMorePages',
      'hasMore',
      'copilot',
      'messagesAutoDeleteConfigs',
    ])
    expect((answer.result as ListResult).items).toHaveLength(
      // 50 records collapsed into dialogs: some dialogs own two records.
      new Set((answer.result as ListResult).items.map((item) => item.id)).size,
    )
  })

  it('adjacent pages overlap, yet OFFSET += LIMIT reaches every dialog and the union is the full list', () => {
    const ctx = context(120)
    const all = ctx.store.truth(1).map((d) => d.id)
    const seen: (string | number)[] = []
    let overlaps = 0
    let previous = new Set<string | number>()
    let pages = 0
    for (let offset = 0; ; offset += 50) {
      const result = page(ctx, { OFFSET: offset, LIMIT: 50 })
      pages++
      const ids = result.items.map((item) => item.id)
      expect(new Set(ids).size, 'no duplicates within a page').toBe(ids.length)
      overlaps += ids.filter((id) => previous.has(id)).length
      previous = new Set(ids)
      seen.push(...ids)
      if (!result.hasMore) break
      expect(pages).toBeLessThan(10)
    }
    expect(overlaps, 'the documented overlap happens').toBeGreaterThan(0)
    const union = [...new Set(seen)]
    expect(union).toEqual(all)
  })

  it('clamps LIMIT to 200 and defaults to 50', () => {
    const ctx = context(1000)
    const big = page(ctx, { LIMIT: 5000 })
    const records = ctx.store.user(1).records.slice(0, 200)
    expect(big.items).toHaveLength(new Set(records).size)
    const byDefault = page(ctx, {})
    expect(byDefault.items).toHaveLength(new Set(ctx.store.user(1).records.slice(0, 50)).size)
    expect(byDefault.hasMore).toBe(true)
    expect(byDefault.hasMorePages).toBe(true)
  })

  it('filters: SKIP_DIALOG, SKIP_CHAT, SKIP_OPENLINES, UNREAD_ONLY, PARSE_TEXT (strings as in a batch)', () => {
    const ctx = context(300)
    const list = (params: Record<string, unknown>) =>
      page(ctx, { LIMIT: 200, ...params }).items as Record<string, any>[]
    expect(list({ SKIP_DIALOG: 'Y' }).every((item) => item.type === 'chat')).toBe(true)
    expect(
      list({ SKIP_CHAT: 'Y', SKIP_OPENLINES: 'Y' }).every((item) => item.type === 'user'),
    ).toBe(true)
    expect(list({ SKIP_OPENLINES: 'Y' }).some((item) => item.lines)).toBe(false)
    expect(list({ UNREAD_ONLY: 'Y' }).every((item) => item.counter > 0 || item.unread)).toBe(true)
    expect(
      list({ PARSE_TEXT: 'Y' }).some((item) => /\[(b|USER|URL)/i.test(item.message.text)),
    ).toBe(false)
    expect(list({}).some((item) => /\[(b|USER=|URL=)/.test(item.message.text))).toBe(true)
  })
})

describe('im.recent.unread', () => {
  const find = (ctx: MethodContext, id: unknown) => ctx.store.truth(1).find((d) => d.id === id)!

  it('sets the mark by default (ACTION omitted = Y) for chatN', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && !d.unread)!
    expect(dispatch('im.recent.unread', { DIALOG_ID: target.id }, ctx).result).toBe(true)
    expect(find(ctx, target.id).unread).toBe(true)
  })

  it('accepts a user id as number and as numeric string', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'user' && !d.unread)!
    expect(dispatch('im.recent.unread', { DIALOG_ID: target.id, ACTION: 'Y' }, ctx).result).toBe(
      true,
    )
    expect(find(ctx, target.id).unread).toBe(true)
    expect(
      dispatch('im.recent.unread', { DIALOG_ID: String(target.id), ACTION: 'N' }, ctx).result,
    ).toBe(true)
    expect(find(ctx, target.id).unread).toBe(false)
  })

  it('accepts sgN for a workgroup chat listed as chatN', () => {
    const ctx = context(300)
    const group = ctx.store.truth(1).find((d) => d.entityType === 'SONET_GROUP')!
    expect(
      dispatch('im.recent.unread', { DIALOG_ID: `sg${String(group.entityId)}` }, ctx).result,
    ).toBe(true)
    expect(find(ctx, group.id).unread).toBe(true)
  })

  it('ACTION=N removes the mark and clears the counter', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => (d.counter as number) > 0)!
    dispatch('im.recent.unread', { DIALOG_ID: target.id, ACTION: 'Y' }, ctx)
    expect(dispatch('im.recent.unread', { DIALOG_ID: target.id, ACTION: 'N' }, ctx).result).toBe(
      true,
    )
    expect(find(ctx, target.id)).toMatchObject({ unread: false, counter: 0 })
  })

  it('answers false for a dialog the user does not have', () => {
    const ctx = context()
    expect(dispatch('im.recent.unread', { DIALOG_ID: 'chat987654' }, ctx).result).toBe(false)
    expect(dispatch('im.recent.unread', { DIALOG_ID: 'sg987654' }, ctx).result).toBe(false)
    expect(dispatch('im.recent.unread', { DIALOG_ID: 987654 }, ctx).result).toBe(false)
  })

  it.each([undefined, '', 'chat', 'chatX', 'sg', 'abc', '12abc', 0, -5, 1.5, null, {}, ['chat1']])(
    'DIALOG_ID %j → 400 DIALOG_ID_EMPTY',
    (value) => {
      const ctx = context()
      const call = () =>
        dispatch('im.recent.unread', value === undefined ? {} : { DIALOG_ID: value }, ctx)
      expect(call).toThrow(RestError)
      try {
        call()
      } catch (error) {
        expect(error).toMatchObject({
          status: 400,
          code: 'DIALOG_ID_EMPTY',
          description: "Dialog ID can't be empty",
        })
      }
    },
  )

  it('marks are per user', () => {
    const ctx = context()
    ctx.store.replace(2, structuredClone(ctx.store.user(1).items))
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && !d.unread)!
    dispatch('im.recent.unread', { DIALOG_ID: target.id }, ctx)
    expect(ctx.store.truth(1).find((d) => d.id === target.id)!.unread).toBe(true)
    expect(ctx.store.truth(2).find((d) => d.id === target.id)!.unread).toBe(false)
  })
})

describe('im.dialog.read and im.counters.get', () => {
  it('reading clears counter and mark; counters follow', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && (d.counter as number) > 0)!
    const before = dispatch('im.counters.get', {}, ctx).result as {
      CHAT: Record<string, number>
      TYPE: { ALL: number }
    }
    expect(before.CHAT[String(target.chatId)]).toBe(target.counter)
    const read = dispatch('im.dialog.read', { DIALOG_ID: target.id }, ctx).result
    expect(read).toMatchObject({ dialogId: target.id, chatId: target.chatId, counter: 0 })
    const after = dispatch('im.counters.get', {}, ctx).result as typeof before
    expect(after.CHAT[String(target.chatId)]).toBeUndefined()
    expect(after.TYPE.ALL).toBe(before.TYPE.ALL - (target.counter as number))
  })
})
