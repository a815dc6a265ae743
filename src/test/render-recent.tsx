import { RecentScreen } from '../features/recent/components/RecentScreen.tsx'
import { createFakePortal, imMethods, type FakeDialog, type Gate } from './fake-portal.ts'
import { renderWithPortal } from './render-with-portal.tsx'

/**
 * The recent screen over an in-memory im module (see imMethods) holding these dialogs; `gate`
 * decides each write's answer. Returns the calls made, the render and the server's dialogs.
 */
export async function renderRecent(items: FakeDialog[], gate?: Gate) {
  const server = items.map((item) => ({ ...item }))
  const fake = createFakePortal(imMethods(server, gate))
  const utils = await renderWithPortal(<RecentScreen />, fake.portal)
  return { ...fake, ...utils, server }
}
