import { describe, expect, it } from 'vitest'
import { collectEntries, createEntryCollector, createKeyList } from './collect.ts'

const item = (id: number | string, title = `Dialog ${id}`) => ({
  id,
  title,
  counter: 0,
  unread: false,
})

describe('collectEntries', () => {
  it('keeps a dialog that appears on two adjacent pages once, where it first appears', () => {
    const entries = collectEntries([
      { items: [item(1), item('chat2'), item(3, 'first copy')] },
      { items: [item(3, 'second copy'), item('chat4')] },
    ])
    expect(entries.map((e) => (e.kind === 'dialog' ? e.dialog.key : e.key))).toEqual([
      '1',
      'chat2',
      '3',
      'chat4',
    ])
    const third = entries[2]
    expect(third?.kind === 'dialog' && third.dialog.title).toBe('first copy')
  })
  it('turns an item without a usable id into a placeholder', () => {
    const entries = collectEntries([{ items: [item(1), { title: 'no id' }, 'garbage'] }])
    expect(entries.map((e) => e.kind)).toEqual(['dialog', 'broken', 'broken'])
  })
  it('tolerates a page without items', () => {
    expect(collectEntries([{}, { items: [item(1)] }])).toHaveLength(1)
  })
})

describe('createEntryCollector', () => {
  const keys = (entries: ReturnType<typeof collectEntries>) =>
    entries.map((e) => (e.kind === 'dialog' ? `${e.dialog.key}:${e.dialog.title}` : e.key))

  it('answers the same array while no page changed', () => {
    const collect = createEntryCollector()
    const pages = [{ items: [item(1), item(2)] }]
    expect(collect([...pages])).toBe(collect([...pages]))
  })

  it('agrees with a collection from scratch through appends, refreshes and moves', () => {
    // A seeded walk over what happens to a loaded list: a page appended, a page refetched with
    // dialogs moved to another page or gone, the queue changing, a new user id.
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    const page = () => ({
      items: Array.from({ length: 1 + random(6) }, () =>
        random(10) === 0 ? 'garbage' : item(random(30), `t${random(3)}`),
      ),
    })
    const collect = createEntryCollector()
    let pages: { items: unknown[]; queued?: unknown[] }[] = [page()]
    let userId = 1
    for (let step = 0; step < 400; step++) {
      const action = random(5)
      if (action === 0) pages = [...pages, page()]
      else if (action === 1 && pages.length > 1) pages = pages.slice(0, -1)
      else if (action === 2) {
        const at = random(pages.length)
        pages = pages.map((p, i) => (i === at ? { ...page(), queued: p.queued } : p))
      } else if (action === 3) {
        const first = pages[0] ?? page()
        pages = [{ ...first, queued: [item(`q${random(4)}`)] }, ...pages.slice(1)]
      } else userId = 1 + random(2)
      expect(keys(collect(pages, userId))).toEqual(keys(collectEntries(pages, userId)))
    }
  })
})

describe('createKeyList', () => {
  it('hands back the same keys while a change only rewrites dialogs, new ones once rows move', () => {
    const keysOf = createKeyList()
    const first = keysOf(collectEntries([{ items: [item(1), item('chat2'), item(3)] }]))
    expect(first).toEqual(['1', 'chat2', '3'])

    // A confirmed mark: the same dialogs in the same order, one of them a new object.
    const marked = { ...item('chat2'), unread: true }
    expect(keysOf(collectEntries([{ items: [item(1), marked, item(3)] }]))).toBe(first)

    // New activity lifts a dialog to the top, and a page adds one: the rows move.
    const lifted = keysOf(collectEntries([{ items: [item(3), item(1), item('chat2')] }]))
    expect(lifted).toEqual(['3', '1', 'chat2'])
    const longer = keysOf(collectEntries([{ items: [item(3), item(1), item('chat2'), item(4)] }]))
    expect(longer).toEqual(['3', '1', 'chat2', '4'])
    expect(longer).not.toBe(lifted)
  })
})
