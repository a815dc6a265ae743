import { initializeB24Frame } from '@bitrix24/b24jssdk'
import type { Dialog } from './rows.ts'

const portal = await initializeB24Frame()
const answer = portal.actions.v2.call.make<{ items: (Dialog | null)[] }>({
  method: 'im.recent.list',
  params: { PARSE_TEXT: 'Y', OFFSET: 0, LIMIT: 200 },
})
const { showRows } = await import('./rows.ts')
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
showRows(root, (await answer).getData()?.result.items ?? [])
