import { expect, it } from 'vitest'
import { createFakePortal } from '../../../test/fake-portal.ts'
import { renderHookWithPortal } from '../../../test/render-with-portal.tsx'
import { collectEntries } from '../model/collect.ts'
import { useShownEntries } from './use-shown-entries.ts'

it('keeps the dialogs the search matches, and the placeholders', async () => {
  const loaded = collectEntries([
    { items: [{ id: 1, title: 'Anna Petrova' }, { id: 'chat7', title: 'Design team' }, {}] },
  ] as never)
  const { portal } = createFakePortal({})
  const { result } = await renderHookWithPortal(() => useShownEntries(loaded, 'anna', []), portal)
  const shown = result.current.entries.map((e) => (e.kind === 'dialog' ? e.dialog.title : e.kind))
  expect(shown).toEqual(['Anna Petrova', 'broken'])
})

it('adds what the portal found beyond them, once each, as loaded when it is', async () => {
  const loaded = collectEntries([
    {
      items: [
        { id: 1, title: 'Anna Petrova' },
        { id: 2, title: 'Boris', counter: 4 },
      ],
    },
  ] as never)
  const found = collectEntries([
    {
      items: [
        { id: 1, title: 'Anna Petrova' },
        { id: 2, title: 'Boris (found by surname Annaev)', counter: 0 },
        { id: 'chat9', title: 'Annual report' },
      ],
    },
  ] as never)
  const { portal } = createFakePortal({})
  const { result } = await renderHookWithPortal(() => useShownEntries(loaded, 'ann', found), portal)
  const shown = result.current.entries.map((e) =>
    e.kind === 'dialog' ? [e.dialog.key, e.dialog.title, e.dialog.counter] : e.kind,
  )
  expect(shown).toEqual([
    ['1', 'Anna Petrova', 0],
    ['2', 'Boris', 4],
    ['chat9', 'Annual report', 0],
  ])
})
