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
  const { result } = await renderHookWithPortal(() => useShownEntries(loaded, 'anna'), portal)
  const shown = result.current.entries.map((e) => (e.kind === 'dialog' ? e.dialog.title : e.kind))
  expect(shown).toEqual(['Anna Petrova', 'broken'])
})
