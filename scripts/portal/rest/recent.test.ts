/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely in tests */
import { describe, expect, it } from 'vitest'
import { PortalStore } from '../data/store.ts'
import { dispatch } from './dispatcher.ts'
import { RestError } from './errors.ts'
import type { MethodContext } from './types.ts'

function context(dialogs = 120): MethodContext {
  return { userId: 1, isAdmin: true, store: new PortalStore(dialogs) }
}

type Item = Record<string, any>
type ListResult = { items: Item[]; hasMore: boolean; hasMorePages: boolean }

function list(ctx: MethodContext, params: Record<string, unknown>) {
  const answer = dispatch('im.recent.list', params, ctx)
  return { ...(answer.result as ListResult), next: answer.next, total: answer.total }
}

/** Ids in order; a `null` entry (a queued session without a message) stays in as `undefined`. */
const ids = (items: (Item | null)[]) => items.map((item) => item?.id)
const stored = (ctx: MethodContext, id: unknown) => ctx.store.truth(1).find((d) => d.id === id)!
/** A colleague's placeholder row: the flag and no message (a joined colleague has a message). */
const isPlaceholderRow = (item: Item | null) =>
  item?.options?.default_user_record === true && item.message?.id === 0

/** A minimal well-formed chat row of the given chat TYPE letter and chat.type. */
function chatItem(id: number, messageType: string | undefined, chatType: string, extra: Item = {}) {
  return {
    id: `chat${id}`,
    chat_id: id,
    type: 'chat',
    title: `chat ${id}`,
    message: { id: 1000 + id, text: 'hi' },
    counter: 0,
    last_id: 1000 + id,
    unread: false,
    pinned: false,
    date_last_activity: `2026-02-26T10:${String(59 - id).padStart(2, '0')}:00+01:00`,
    chat: { type: chatType, ...(messageType ? { message_type: messageType } : {}) },
    ...extra,
  }
}

describe('im.recent.list — answer and paging (im module Recent::getList, CIMRestService::recentList)', () => {
  it('has total -1 and the result keys of samples/im.recent.list.response.json', () => {
    const answer = dispatch('im.recent.list', {}, context())
    expect(answer.total).toBe(-1)
    expect(Object.keys(answer.result as object)).toEqual([
      'items',
      'hasMorePages',
      'hasMore',
      'copilot',
      'messagesAutoDeleteConfigs',
    ])
  })

  it('adjacent pages overlap (b24restdocs api-reference/chats/im-recent-list.md: "page boundaries may overlap"), yet OFFSET += LIMIT reaches every dialog', () => {
    const ctx = context(120)
    const queued = ids(ctx.store.user(1).queued as Item[])
    const seen: unknown[] = []
    let overlaps = 0
    let previous = new Set<unknown>()
    for (let offset = 0, pages = 0; ; offset += 50, pages++) {
      const page = list(ctx, { OFFSET: offset, LIMIT: 50 })
      const own = ids(page.items).filter((id) => !queued.includes(id))
      expect(new Set(own).size, 'no duplicates within a page').toBe(own.length)
      overlaps += own.filter((id) => previous.has(id)).length
      previous = new Set(own)
      seen.push(...own)
      if (!page.hasMore) break
      expect(pages).toBeLessThan(10)
    }
    expect(overlaps, 'the documented overlap happens').toBeGreaterThan(0)
    expect([...new Set(seen)]).toEqual(ctx.store.truth(1).map((d) => d.id))
  })

  it('hasMore is true whenever the page of records came back full, so the last page can be empty; next = OFFSET + items returned, top-level (rest module CRestServer::processCall moves it out of result)', () => {
    const ctx = context(0)
    // 5 items own 7 records (see buildRecords): LIMIT 7 fills the first page exactly.
    ctx.store.replace(
      1,
      [1, 2, 3, 4, 5].map((n) => chatItem(n, 'C', 'chat')),
    )
    const first = list(ctx, { LIMIT: 7 })
    expect([first.hasMore, first.hasMorePages, first.items.length, first.next]).toEqual([
      true,
      true,
      5,
      5,
    ])
    const second = list(ctx, { LIMIT: 7, OFFSET: 7 })
    expect([second.hasMore, second.items, second.next]).toEqual([false, [], undefined])
    const short = list(ctx, { LIMIT: 8 })
    expect([short.hasMore, short.next]).toEqual([false, undefined])
  })

  it('clamps LIMIT to 200 and defaults to 50 (b24restdocs api-reference/chats/im-recent-list.md)', () => {
    const ctx = context(1000)
    const records = ctx.store.user(1).records
    const queued = ctx.store.user(1).queued.length
    expect(list(ctx, { LIMIT: 5000 }).items).toHaveLength(
      new Set(records.slice(0, 200)).size + queued,
    )
    expect(list(ctx, {}).items).toHaveLength(new Set(records.slice(0, 50)).size + queued)
  })

  it('parameter names are case-insensitive (every im method upper-cases them first)', () => {
    const ctx = context(300)
    const items = list(ctx, { skip_dialog: 'Y', Limit: 200 }).items
    expect(items.length).toBeGreaterThan(50)
    expect(items.every((item) => item === null || item.type === 'chat')).toBe(true)
  })

  it('LAST_MESSAGE_DATE lists from that date on (<=) and OFFSET is then not used (Recent::getList)', () => {
    const ctx = context(0)
    ctx.store.replace(
      1,
      [1, 2, 3].map((n) => chatItem(n, 'C', 'chat')),
    )
    const date = (ctx.store.user(1).items[1] as Item).date_last_activity
    expect(ids(list(ctx, { LAST_MESSAGE_DATE: date, OFFSET: 1 }).items)).toEqual(['chat2', 'chat3'])
  })
})

describe('im.recent.list — filters by chat TYPE letter (im module lib/recent.php, Recent::getList)', () => {
  const kinds = [
    chatItem(1, 'C', 'chat'),
    chatItem(2, 'O', 'open'),
    chatItem(3, 'A', 'copilot'),
    chatItem(4, 'N', 'channel'),
    chatItem(5, 'J', 'openChannel'),
    chatItem(6, 'B', 'collab'),
    chatItem(7, 'X', 'tasksTask'),
    chatItem(8, 'L', 'lines', {
      lines: { id: 1, status: 20, date_create: '2026-02-26T09:00:00+01:00' },
    }),
    chatItem(9, 'Q', 'somethingNew'),
    chatItem(10, undefined, 'somethingElse'),
    { ...chatItem(11, undefined, ''), id: 42, type: 'user', chat: {} },
  ]
  const listed = (params: Record<string, unknown>) => {
    const ctx = context(0)
    ctx.store.replace(1, structuredClone(kinds))
    return ids(list(ctx, { LIMIT: 200, ...params }).items)
  }

  it('lists every kind, unknown chat.type values too, as chats', () => {
    expect(listed({})).toEqual(ids(kinds))
  })

  it('SKIP_CHAT=Y drops plain group chats only (open and closed); copilot, channels, collabs, task chats stay', () => {
    expect(listed({ SKIP_CHAT: 'Y' })).toEqual([
      'chat3',
      'chat4',
      'chat5',
      'chat6',
      'chat7',
      'chat8',
      'chat9',
      42,
    ])
  })

  it('SKIP_DIALOG=Y drops one-to-one dialogs; SKIP_OPENLINES=Y drops open lines', () => {
    expect(listed({ SKIP_DIALOG: 'Y' })).not.toContain(42)
    expect(listed({ SKIP_OPENLINES: 'Y' })).not.toContain('chat8')
  })

  it('ONLY_COPILOT and ONLY_CHANNEL keep copilot chats, resp. channels and open channels', () => {
    expect(listed({ ONLY_COPILOT: 'Y' })).toEqual(['chat3'])
    expect(listed({ ONLY_CHANNEL: 'Y' })).toEqual(['chat4', 'chat5'])
  })

  it('UNREAD_ONLY keeps rows with unread messages or the manual mark; PARSE_TEXT strips BB-code', () => {
    const ctx = context(300)
    const own = (params: Record<string, unknown>) =>
      list(ctx, { LIMIT: 200, ...params, SKIP_UNDISTRIBUTED_OPENLINES: 'Y' }).items
    expect(own({ UNREAD_ONLY: 'Y' }).every((item) => item.counter > 0 || item.unread)).toBe(true)
    expect(own({ PARSE_TEXT: 'Y' }).some((item) => /\[(b|USER|URL)/i.test(item.message.text))).toBe(
      false,
    )
    expect(own({}).some((item) => /\[(b|USER=|URL=)/.test(item.message.text))).toBe(true)
  })

  it('counts OFFSET within the filtered list: UNREAD_ONLY pages follow each other with no row skipped (Recent::getList filters in the query, then applies OFFSET and LIMIT)', () => {
    const ctx = context(300)
    const page = (offset: number, limit: number) =>
      ids(
        list(ctx, {
          UNREAD_ONLY: 'Y',
          OFFSET: offset,
          LIMIT: limit,
          SKIP_UNDISTRIBUTED_OPENLINES: 'Y',
        }).items,
      )
    const whole = page(0, 200)
    const paged = Array.from({ length: 10 }, (_, index) => page(index * 20, 20)).flat()
    expect(whole.length).toBeGreaterThan(60)
    expect([...new Set(paged)]).toEqual([...new Set(whole)])
  })

  it('answers a copy: a later mark does not change an answer already made (a held answer shows the state it was made from)', () => {
    const ctx = context(20)
    const before = list(ctx, { LIMIT: 50 }).items
    const target = before.find((item) => item.type === 'chat' && !item.unread)!
    dispatch('im.recent.unread', { DIALOG_ID: target.id, ACTION: 'Y' }, ctx)
    expect(before.find((item) => item.id === target.id)!.unread).toBe(false)
    expect(list(ctx, { LIMIT: 50 }).items.find((item) => item.id === target.id)!.unread).toBe(true)
  })
})

describe('im.recent.list — queued open lines and placeholder rows (im module lib/recent.php, Recent::getList, formatRow)', () => {
  it('adds the queued open-line sessions to every page, whatever OFFSET and UNREAD_ONLY say', () => {
    const ctx = context(120)
    const queued = ids(ctx.store.user(1).queued as Item[])
    expect(queued.length).toBeGreaterThan(0)
    for (const params of [
      {},
      { OFFSET: 50 },
      { OFFSET: 5000 },
      { UNREAD_ONLY: 'Y', OFFSET: 100 },
    ]) {
      expect(ids(list(ctx, params).items).slice(-queued.length)).toEqual(queued)
    }
  })

  it('passes on the null entry imopenlines Recent::getRecent stores for a session without a message; queue items have no options key (imopenlines lib/recent.php, getRecent / formatRow)', () => {
    const ctx = context(120)
    const tail = list(ctx, {}).items.slice(-ctx.store.user(1).queued.length)
    expect(tail.map((item) => item === null)).toEqual([false, true, false])
    expect(tail.filter((item) => item !== null).some((item) => 'options' in item!)).toBe(false)
  })

  it('leaves them out with SKIP_UNDISTRIBUTED_OPENLINES=Y, SKIP_OPENLINES=Y or ONLY_COPILOT=Y', () => {
    const ctx = context(120)
    const queued = ids(ctx.store.user(1).queued as Item[])
    for (const params of [
      { SKIP_UNDISTRIBUTED_OPENLINES: 'Y' },
      { SKIP_OPENLINES: 'Y' },
      { ONLY_COPILOT: 'Y' },
    ]) {
      expect(ids(list(ctx, { LIMIT: 200, ...params }).items)).not.toEqual(
        expect.arrayContaining(queued),
      )
    }
  })

  it('lists placeholder rows in activity order on any page, not with UNREAD_ONLY or SKIP_DIALOG', () => {
    const ctx = context(120)
    const placeholders = ctx.store.truth(1).filter((d) => d.placeholder)
    expect(placeholders.length).toBeGreaterThan(1)
    const all = [0, 50, 100].flatMap((offset) => list(ctx, { OFFSET: offset }).items)
    const found = all.filter(isPlaceholderRow)
    expect(new Set(ids(found))).toEqual(new Set(placeholders.map((d) => d.id)))
    // One lies beyond the first page: they are rows of the list, not a first-page extra.
    const secondPage = list(ctx, { OFFSET: 50, LIMIT: 50 }).items
    expect(secondPage.some(isPlaceholderRow)).toBe(true)
    expect(found.every((item) => item.message.id === 0 && item.counter === 0)).toBe(true)
    for (const params of [{ UNREAD_ONLY: 'Y' }, { SKIP_DIALOG: 'Y' }]) {
      const items = list(ctx, { LIMIT: 200, ...params }).items
      expect(items.some(isPlaceholderRow)).toBe(false)
    }
  })

  it('im.recent.get lists the user’s own rows only (Recent::get: WITHOUT_COMMON_USERS), joined colleagues among them, with the queue', () => {
    const ctx = context(120)
    const rows = dispatch('im.recent.get', {}, ctx).result as Item[]
    expect(rows.some(isPlaceholderRow)).toBe(false)
    // A joined colleague's dialog is a row of the user's own (USER_ID = user), flagged by its
    // last message's code, and Recent::get passes formatRow no WITHOUT_COMMON_USERS to drop it.
    const joined = ctx.store.truth(1).filter((d) => d.joined)
    expect(joined.length).toBeGreaterThan(0)
    expect(ids(rows)).toEqual(expect.arrayContaining(joined.map((d) => d.id)))
    expect(ids(rows)).toEqual(expect.arrayContaining(ids(ctx.store.user(1).queued as Item[])))
  })
})

describe('im.recent.unread (im module classes/general/im_rest.php, CIMRestService::recentUnread; lib/recent.php, Recent::unread)', () => {
  const unread = (ctx: MethodContext, params: Record<string, unknown>) =>
    dispatch('im.recent.unread', params, ctx).result

  it('changes only the manual mark: the counter stays, on N and on Y', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => (d.counter as number) > 0 && !d.unread)!
    expect(unread(ctx, { DIALOG_ID: target.id, ACTION: 'Y' })).toBe(true)
    expect(stored(ctx, target.id)).toMatchObject({ unread: true, counter: target.counter })
    expect(unread(ctx, { DIALOG_ID: target.id, ACTION: 'N' })).toBe(true)
    expect(stored(ctx, target.id)).toMatchObject({ unread: false, counter: target.counter })
  })

  it('takes parameter names in any case (dialog_id, action)', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && !d.unread)!
    expect(unread(ctx, { dialog_id: target.id, action: 'Y' })).toBe(true)
    expect(stored(ctx, target.id).unread).toBe(true)
    expect(unread(ctx, { Dialog_Id: target.id, Action: 'N' })).toBe(true)
    expect(stored(ctx, target.id).unread).toBe(false)
  })

  it('removes the mark only for ACTION exactly N; missing, Y, n and 0 set it', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'user' && !d.placeholder)!
    for (const action of [undefined, 'Y', 'n', '0', 0, false]) {
      unread(ctx, { DIALOG_ID: target.id, ACTION: 'N' })
      const params =
        action === undefined ? { DIALOG_ID: target.id } : { DIALOG_ID: target.id, ACTION: action }
      expect(unread(ctx, params)).toBe(true)
      expect(stored(ctx, target.id).unread, `ACTION ${String(action)}`).toBe(true)
    }
  })

  it('accepts UNREAD as the older name of ACTION; ACTION wins when both come', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && !d.unread)!
    unread(ctx, { DIALOG_ID: target.id, UNREAD: 'Y' })
    expect(stored(ctx, target.id).unread).toBe(true)
    unread(ctx, { DIALOG_ID: target.id, UNREAD: 'N' })
    expect(stored(ctx, target.id).unread).toBe(false)
    unread(ctx, { DIALOG_ID: target.id, UNREAD: 'N', ACTION: 'Y' })
    expect(stored(ctx, target.id).unread).toBe(true)
  })

  it('answers true for the state the row already has, and changes nothing', () => {
    const ctx = context()
    const target = ctx.store.truth(1).find((d) => d.unread === true)!
    const before = structuredClone(ctx.store.user(1).items)
    expect(unread(ctx, { DIALOG_ID: target.id, ACTION: 'Y' })).toBe(true)
    expect(ctx.store.user(1).items).toEqual(before)
  })

  it('finds a user dialog by number or numeric string, a chat by chatN', () => {
    const ctx = context()
    const user = ctx.store.truth(1).find((d) => d.type === 'user' && !d.placeholder)!
    const chat = ctx.store.truth(1).find((d) => d.type === 'chat')!
    expect(unread(ctx, { DIALOG_ID: user.id })).toBe(true)
    expect(unread(ctx, { DIALOG_ID: String(user.id) })).toBe(true)
    expect(unread(ctx, { DIALOG_ID: chat.id })).toBe(true)
    expect([stored(ctx, user.id).unread, stored(ctx, chat.id).unread]).toEqual([true, true])
  })

  it('accepts CHATn, sgN, crmN and notify as ids, but finds no own row for them: false, nothing changes (getUnreadElement looks for a lower-case "chat" prefix, else a user id)', () => {
    const ctx = context(300)
    const chat = ctx.store.truth(1).find((d) => d.type === 'chat' && !d.unread)!
    const group = ctx.store.truth(1).find((d) => d.entityType === 'SONET_GROUP')!
    const before = structuredClone(ctx.store.user(1).items)
    for (const id of [
      String(chat.id).toUpperCase(),
      `sg${String(group.entityId)}`,
      `SG${String(group.entityId)}`,
      'crm12',
      'CRM12',
      'notify',
    ]) {
      expect(unread(ctx, { DIALOG_ID: id }), id).toBe(false)
    }
    expect(ctx.store.user(1).items).toEqual(before)
  })

  it('answers false for a dialog the user has no row for: unknown ids, placeholder colleagues, queued open lines', () => {
    const ctx = context()
    const placeholder = ctx.store.truth(1).find((d) => d.placeholder)!
    const queued = (ctx.store.user(1).queued as Item[])[0]!
    for (const id of ['chat987654', 987654, placeholder.id, queued.id]) {
      expect(unread(ctx, { DIALOG_ID: id }), String(id)).toBe(false)
    }
    expect(stored(ctx, placeholder.id).unread).toBe(false)
  })

  it.each([
    undefined,
    '',
    'chat',
    'chatX',
    'sg',
    'abc',
    '12abc',
    ' 5',
    0,
    '0',
    -5,
    1.5,
    null,
    {},
    ['chat1'],
    'Notify',
  ])('DIALOG_ID %j → 400 DIALOG_ID_EMPTY', (value) => {
    const ctx = context()
    const call = () => unread(ctx, value === undefined ? {} : { DIALOG_ID: value })
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
  })

  it('marks are per user', () => {
    const ctx = context()
    ctx.store.replace(2, structuredClone(ctx.store.user(1).items))
    const target = ctx.store.truth(1).find((d) => d.type === 'chat' && !d.unread)!
    unread(ctx, { DIALOG_ID: target.id })
    expect(ctx.store.truth(1).find((d) => d.id === target.id)!.unread).toBe(true)
    expect(ctx.store.truth(2).find((d) => d.id === target.id)!.unread).toBe(false)
  })
})

describe('Y/N flags are yes only for the exact string Y (im module classes/general/im_rest.php, CIMRestService::recentList / recentGet)', () => {
  it.each(['y', true, 1, '1', 'yes'])('SKIP_DIALOG=%j skips nothing', (value) => {
    const ctx = context(40)
    const items = list(ctx, { SKIP_DIALOG: value, LIMIT: 200 }).items
    expect(items.some((item) => item.type === 'user')).toBe(true)
  })

  it('WITH_COUNTERS defaults to Y; any other value drops the counter key of own rows (lib/recent.php, formatRow)', () => {
    const ctx = context(40)
    const queued = ids(ctx.store.user(1).queued as Item[])
    expect(list(ctx, {}).items.every((item) => item === null || 'counter' in item)).toBe(true)
    for (const value of ['N', 'y', true, '1']) {
      const items = list(ctx, { WITH_COUNTERS: value }).items.filter((item) => item !== null)
      const own = items.filter((item) => !queued.includes(item.id))
      expect(own.length).toBeGreaterThan(0)
      expect(
        own.some((item) => 'counter' in item),
        String(value),
      ).toBe(false)
      const rows = dispatch('im.recent.get', { WITH_COUNTERS: value }, ctx).result as Item[]
      expect(
        rows
          .filter((item) => item !== null && !queued.includes(item.id))
          .some((item) => 'counter' in item),
      ).toBe(false)
    }
  })

  it('queued open lines keep their counter 1 whatever WITH_COUNTERS says (imopenlines lib/recent.php, formatRow)', () => {
    const ctx = context(120)
    const queued = list(ctx, { WITH_COUNTERS: 'N' }).items.slice(-ctx.store.user(1).queued.length)
    const lines = queued.filter((item) => item !== null)
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((item) => item.counter === 1)).toBe(true)
  })
})

describe('im.recent.pin (im module classes/general/im_rest.php, CIMRestService::recentPin: PIN != N, loosely)', () => {
  const pinned = (ctx: MethodContext, id: unknown) => stored(ctx, id).pinned
  const target = (ctx: MethodContext) =>
    ctx.store.truth(1).find((d) => d.type === 'chat' && d.pinned === false)!.id

  it.each([
    [{}, true],
    [{ PIN: 'Y' }, true],
    [{ PIN: 'n' }, true],
    [{ PIN: 0 }, true],
    [{ PIN: false }, true],
    [{ PIN: null }, true],
    [{ PIN: 'N' }, false],
    [{ PIN: true }, false],
    [{ PIN: 'Y', ACTION: 'N' }, false],
    [{ PIN: 'N', ACTION: null }, false],
  ])('%j pins: %s', (params, expected) => {
    const ctx = context(40)
    const id = target(ctx)
    // Start from the other state, so the call under test has to change it.
    dispatch('im.recent.pin', { DIALOG_ID: id, PIN: expected ? 'N' : 'Y' }, ctx)
    dispatch('im.recent.pin', { DIALOG_ID: id, ...params }, ctx)
    expect(pinned(ctx, id)).toBe(expected)
  })
})
