/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { afterEach, describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { startPortal } from '../test-support.ts'
import type { Running } from '../test-support.ts'
import { dispatch } from './dispatcher.ts'
import type { MethodContext } from './types.ts'

function context(dialogs = 120): MethodContext {
  return { userId: 1, isAdmin: false, store: new PortalStore(dialogs) }
}

const search = (ctx: MethodContext, method: string, params: Record<string, unknown>) =>
  dispatch(method, params, ctx) as any

describe('im.search.user.list / im.search.chat.list: the phrase (im module classes/general/im_rest.php, searchUser / searchChat)', () => {
  it.each(['im.search.user.list', 'im.search.user', 'im.search.chat.list', 'im.search.chat'])(
    '%s: FIND missing or shorter than 3 characters once trimmed is 400 FIND_SHORT',
    (method) => {
      const ctx = context()
      for (const params of [{}, { FIND: null }, { FIND: 'ab' }, { FIND: '  ab  ' }, { FIND: 12 }]) {
        expect(() => search(ctx, method, params), JSON.stringify(params)).toThrow(
          expect.objectContaining({
            status: 400,
            code: 'FIND_SHORT',
            description: 'Too short a search phrase.',
          }),
        )
      }
    },
  )
})

describe('im.search.user.list (im module lib/user.php, User::getList)', () => {
  it('finds the portal users, partners and placeholder colleagues whose name holds every word, in any case, keyed by user id', () => {
    const ctx = context()
    const answer = search(ctx, 'im.search.user.list', { FIND: 'иванова мАРИЯ' })
    expect(Object.keys(answer.result)).toEqual(['2'])
    expect(answer.result['2']).toMatchObject({ id: 2, name: 'Мария Иванова', first_name: 'Мария' })
    expect(answer.total).toBe(1)
    expect(answer.next).toBeUndefined()
    const placeholder = ctx.store.truth(1).find((d) => d.placeholder)!
    const found = search(ctx, 'im.search.user', { FIND: placeholder.title })
    expect(Object.keys(found.result)).toContain(String(placeholder.id))
    expect(search(ctx, 'im.search.user.list', { FIND: 'Alex Morgan' }).result).toHaveProperty('1')
  })

  it('answers [] with total 0 when nothing matches', () => {
    expect(search(context(), 'im.search.user.list', { FIND: 'zzzzzz' })).toEqual({
      result: [],
      total: 0,
    })
  })

  it('pages with OFFSET (the REST start wins) and LIMIT (default 10, at most 50, ≤ 0 taken as 50); next while rows remain (IRestService::setNavData)', () => {
    const ctx = context(2000)
    const all = search(ctx, 'im.search.user.list', { FIND: 'doe', LIMIT: 50 })
    const total = all.total as number
    expect(total).toBeGreaterThan(12)
    expect(Object.keys(search(ctx, 'im.search.user.list', { FIND: 'doe' }).result)).toHaveLength(10)
    const second = search(ctx, 'im.search.user.list', { FIND: 'doe', OFFSET: 10, LIMIT: 2 })
    expect(Object.keys(second.result)).toEqual(Object.keys(all.result).slice(10, 12))
    expect(second.next).toBe(12)
    const started = search(ctx, 'im.search.user.list', {
      FIND: 'doe',
      OFFSET: 10,
      START: 11,
      LIMIT: 1,
    })
    expect(Object.keys(started.result)).toEqual(Object.keys(all.result).slice(11, 12))
    expect(
      Object.keys(search(ctx, 'im.search.user.list', { FIND: 'doe', LIMIT: 0 }).result),
    ).toHaveLength(Math.min(50, total))
    const last = search(ctx, 'im.search.user.list', { FIND: 'doe', OFFSET: total - 1 })
    expect(last.next).toBeUndefined()
  })
})

describe('im.search.chat.list (im module lib/chat.php, Chat::getList / formatChatData)', () => {
  it('finds the user’s chats and queued open lines by name, newest chat id first, as a list of chat objects with name, not title', () => {
    const ctx = context()
    const queued = ctx.store.user(1).queued.find((line) => line !== null) as Record<string, any>
    const word = queued.title.split(' ')[0]
    const answer = search(ctx, 'im.search.chat.list', { FIND: word, LIMIT: 50 })
    expect(Array.isArray(answer.result)).toBe(true)
    const ids = answer.result.map((chat: any) => chat.id)
    expect(ids).toContain(queued.chat_id)
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a))
    expect(
      answer.result.every((chat: any) => chat.name.toLowerCase().includes(word.toLowerCase())),
    ).toBe(true)
    expect(answer.result[0]).not.toHaveProperty('title')
  })

  it('gives each chat the formatChatData fields: chat id, counter and unread id from the unread set, mute_list as a list', () => {
    const ctx = context()
    const muted = ctx.store.truth(1)[5]!
    const [chat] = search(ctx, 'im.search.chat.list', { FIND: muted.title }).result.filter(
      (found: any) => found.id === muted.chatId,
    )
    expect(Object.keys(chat)).toEqual([
      'id',
      'parent_chat_id',
      'parent_message_id',
      'name',
      'description',
      'owner',
      'extranet',
      'avatar',
      'color',
      'type',
      'counter',
      'user_counter',
      'message_count',
      'unread_id',
      'restrictions',
      'last_message_id',
      'last_id',
      'marked_id',
      'disk_folder_id',
      'entity_type',
      'entity_id',
      'entity_data_1',
      'entity_data_2',
      'entity_data_3',
      'mute_list',
      'date_create',
      'message_type',
      'public',
      'role',
      'entity_link',
      'text_field_enabled',
      'background_id',
      'permissions',
      'is_new',
    ])
    const history = ctx.store.histories.peek(ctx.store.user(1).items[5] as Record<string, unknown>)!
    expect(chat).toMatchObject({
      id: muted.chatId,
      name: muted.title,
      type: 'chat',
      counter: 3,
      unread_id: Math.min(...history.unread),
      last_message_id: muted.messageId,
      last_id: muted.lastId,
      mute_list: [1],
    })
  })

  it('answers [] with total 0 when nothing matches', () => {
    expect(search(context(), 'im.search.chat.list', { FIND: 'zzzzzz' })).toEqual({
      result: [],
      total: 0,
    })
  })
})

describe('search through the REST route (rest module classes/general/rest.php, CRestServer::processCall moves next and total out of result)', () => {
  let running: Running
  afterEach(() => running.close())

  it('answers next and total beside result', async () => {
    running = await startPortal({ dialogs: 2000 })
    const { accessToken } = running.login(1)
    const answer = await running.rest('im.search.user.list', {
      auth: accessToken,
      FIND: 'doe',
      LIMIT: 2,
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ next: 2, total: expect.any(Number) })
    expect(Object.keys(answer.body.result)).toHaveLength(2)
  })
})
