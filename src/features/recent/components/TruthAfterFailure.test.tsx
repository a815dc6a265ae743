import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RestError } from '../../../bitrix24/rest.ts'
import { createFakePortal, imMethods, type FakeDialog } from '../../../test/fake-portal.ts'
import { renderWithPortal } from '../../../test/render-with-portal.tsx'
import { RecentScreen } from './RecentScreen.tsx'

// A lost answer is an unknown outcome, not a failure: the app reads the dialog back (the portal's
// counters) before it says anything, and says what is true (docs/how-a-change-travels.md).

const row = (id: string) => document.querySelector<HTMLElement>(`[data-dialog-id="${id}"]`)!
const lost = () => new RestError('NETWORK_ERROR', 0, 'Network Error')

async function setup(markApplies: boolean) {
  const server: FakeDialog[] = [{ id: 'chat5', title: 'Sales', counter: 0, unread: false }]
  const methods = imMethods(server)
  const fake = createFakePortal({
    ...methods,
    // The portal made the change (or not), and its answer never came.
    'im.recent.unread': async (params) => {
      if (markApplies) await methods['im.recent.unread']!(params)
      throw lost()
    },
  })
  await renderWithPortal(<RecentScreen />, fake.portal)
  await userEvent.click(await screen.findByRole('button', { name: 'Mark as unread: Sales' }))
  return { ...fake, server }
}

describe('the truth after a lost answer', () => {
  it('reads back a change that happened, and keeps it without a word of failure', async () => {
    const { calls, server } = await setup(true)
    await waitFor(() => expect(row('chat5')).not.toHaveAttribute('data-pending'))
    expect(server[0]!.unread).toBe(true)
    expect(row('chat5')).toHaveAttribute('data-unread', 'true')
    expect(within(row('chat5')).queryByRole('alert')).toBeNull()
    expect(document.querySelector('.toast--error')).toBeNull()
    expect(calls.filter((c) => c.method === 'im.counters.get').length).toBeGreaterThan(0)
  })

  it('says a change that did not happen could not be made, and what is true', async () => {
    const { server } = await setup(false)
    const alert = await within(row('chat5')).findByRole('alert')
    expect(alert).toHaveTextContent(
      'Could not mark “Sales” as unread: there is no connection to Bitrix24. It is read.',
    )
    expect(server[0]!.unread).toBe(false)
    expect(row('chat5')).toHaveAttribute('data-unread', 'false')
    expect(document.querySelector('.toast--error')).toHaveAttribute('data-dialog-ids', 'chat5')
  })
})
