import { useBulkMarks } from '../features/recent/hooks/use-bulk-marks.ts'
import { useReadAll } from '../features/recent/hooks/use-read-all.ts'
import { useRecentList } from '../features/recent/hooks/use-recent-list.ts'
import { useRowMarks } from '../features/recent/hooks/use-row-marks.ts'
import { useRowSelection } from '../features/recent/hooks/use-row-selection.ts'
import { useShownEntries } from '../features/recent/hooks/use-shown-entries.ts'
import { useToast } from '../features/recent/hooks/use-toast.ts'
import type { RecentFilter } from '../features/recent/model/filters.ts'
import { createFakePortal, imMethods, type FakeDialog, type Gate } from './fake-portal.ts'
import { renderHookWithPortal } from './render-with-portal.tsx'

/** The screen's marking hooks wired as RecentScreen wires them, without its layout. */
function useMarking(filter: RecentFilter, search: string) {
  const { query, entries: loaded, loadAll: loadEvery } = useRecentList(filter, 0)
  const { entries, matches } = useShownEntries(loaded, search, [])
  const messages = useToast()
  const marks = useRowMarks(loaded, messages.say)
  const bulk = useBulkMarks(marks, messages.say)
  const list = { entries, loadAll: async () => (await loadEvery()).entries, matches }
  const selection = useRowSelection(list, marks, bulk)
  const readAll = useReadAll({
    ...{ filter, search, list, marks, bulk, say: messages.say },
    onConfirm: selection.clear,
  })
  return { query, entries, messages, marks, bulk, selection, readAll }
}

/**
 * The marking hooks over an in-memory im module holding these dialogs (see imMethods). Returns
 * the hooks' result, the calls made and the server's dialogs.
 */
export async function renderMarking(
  items: FakeDialog[],
  {
    gate,
    filter = 'all',
    search = '',
    list,
  }: {
    gate?: Gate
    filter?: RecentFilter
    search?: string
    /** im.recent.list over the server's dialogs, when the test pages it its own way. */
    list?: (params: Record<string, unknown>, server: FakeDialog[]) => unknown
  } = {},
) {
  const server = items.map((item) => ({ ...item }))
  const methods = imMethods(server, gate)
  if (list) methods['im.recent.list'] = (params) => list(params, server)
  const fake = createFakePortal(methods)
  const utils = await renderHookWithPortal(() => useMarking(filter, search), fake.portal)
  return { ...fake, ...utils, server }
}

/** A dialog of the fake server by its id, for the hooks' calls. */
export const dialogOf = (current: ReturnType<typeof useMarking>, id: FakeDialog['id']) => {
  const entry = current.entries.find((e) => e.kind === 'dialog' && e.dialog.key === String(id))
  if (entry?.kind !== 'dialog') throw new Error(`no dialog ${String(id)} on screen`)
  return entry.dialog
}
