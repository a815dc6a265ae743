import { describe, expect, it } from 'vitest'
import { collectEntries } from './collect.ts'

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
