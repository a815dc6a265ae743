import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RestError } from '../../../bitrix24/rest.ts'
import {
  countersOf,
  createFakePortal,
  deferred,
  imMethods,
  type FakeDialog,
  type Gate,
} from '../../../test/fake-portal.ts'
import { renderRecent } from '../../../test/render-recent.tsx'
import { renderWithPortal } from '../../../test/render-with-portal.tsx'
import { RecentScreen } from './RecentScreen.tsx'

// "Mark as read" against an im module that behaves as the portal's code does
// (docs/bitrix24-facts.md, "Reading a dialog"): im.recent.unread N only removes the manual mark;
// the messages are read by im.dialog.read.

async function setup(items: FakeDialog[], gate?: Gate) {
  const rendered = await renderRecent(items, gate)
  await screen.findByText(items[0]!.title)
  return rendered
}

type Call = { method: string; params: Record<string, unknown>; inBatch?: true }
const WRITES = new Set(['im.recent.unread', 'im.dialog.read', 'im.dialog.read.all'])

/** The HTTP requests that wrote, as the portal counts them: a batch is one request. */
const writeRequests = (calls: Call[]): Call[] =>
  calls.filter(
    (call) =>
      !call.inBatch &&
      (WRITES.has(call.method) ||
        (call.method === 'batch' &&
          (call.params.commands as Call[]).some((command) => WRITES.has(command.method)))),
  )

const commandsOf = (batch: Call) =>
  (batch.params.commands as Call[]).map(
    (c) =>
      `${c.method}:${String(c.params.DIALOG_ID)}${c.params.ACTION ? `:${String(c.params.ACTION)}` : ''}`,
  )

const row = (id: string) => document.querySelector<HTMLElement>(`[data-dialog-id="${id}"]`)!
const unreadOnServer = (d: FakeDialog) => d.unread || d.counter > 0

describe('Mark as read', () => {
  it('reads the messages and removes the mark in one batch request when both are set', async () => {
    const { calls, server } = await setup([
      { id: 'chat4', title: 'Sales', counter: 3, unread: true, message: { id: 90 } },
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: Sales' }))
    expect(row('chat4')).toHaveAttribute('data-unread', 'false')
    await waitFor(() => expect(row('chat4')).not.toHaveAttribute('data-pending'))

    const writes = writeRequests(calls)
    expect(writes).toHaveLength(1)
    expect(commandsOf(writes[0]!)).toEqual(['im.dialog.read:chat4', 'im.recent.unread:chat4:N'])
    // Every message, not up to the last one the list showed: later ones are read too.
    expect((writes[0]!.params.commands as Call[])[0]!.params).toEqual({ DIALOG_ID: 'chat4' })
    expect(server[0]).toMatchObject({ counter: 0, unread: false })
    expect(row('chat4')).toHaveAttribute('data-unread', 'false')
  })

  it('sends one plain call when only one half is set', async () => {
    const { calls, server } = await setup([
      { id: 1, type: 'user', title: 'Anna', counter: 2, unread: false },
      { id: 2, type: 'user', title: 'Boris', counter: 0, unread: true },
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: Anna' }))
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: Boris' }))
    await waitFor(() => expect(document.querySelector('[data-pending]')).toBeNull())
    expect(writeRequests(calls).map((c) => `${c.method}:${String(c.params.DIALOG_ID)}`)).toEqual([
      'im.dialog.read:1',
      'im.recent.unread:2',
    ])
    expect(server.some(unreadOnServer)).toBe(false)
  })

  it('a failed read rolls back both halves on screen', async () => {
    const answer = deferred()
    const { calls } = await setup(
      [{ id: 'chat4', title: 'Sales', counter: 3, unread: true }],
      () => answer.promise,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: Sales' }))
    expect(within(row('chat4')).queryByText('3')).toBeNull()
    await waitFor(() => expect(writeRequests(calls)).toHaveLength(1))
    await act(async () => answer.reject(new RestError('INTERNAL_SERVER_ERROR', 500, 'Internal')))
    expect(await within(row('chat4')).findByRole('alert')).toHaveTextContent(
      'Could not mark “Sales” as read',
    )
    expect(row('chat4')).toHaveAttribute('data-unread', 'true')
    expect(within(row('chat4')).getByText('3')).toBeInTheDocument()
  })

  it('a half-failed batch says so, and the row then shows what the server holds', async () => {
    const { server } = await setup(
      [{ id: 'chat4', title: 'Sales', counter: 3, unread: true }],
      (method) => {
        if (method === 'im.dialog.read') throw new RestError('INTERNAL_SERVER_ERROR', 500, 'x')
        return true
      },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: Sales' }))
    expect(await within(row('chat4')).findByRole('alert')).toHaveTextContent(
      'Could not mark “Sales” as read',
    )
    // The mark went, the messages stayed unread: the server's truth, after the refetch.
    expect(server[0]).toMatchObject({ counter: 3, unread: false })
    await waitFor(() => expect(within(row('chat4')).queryByText('Marked as unread')).toBeNull())
    expect(row('chat4')).toHaveAttribute('data-unread', 'true')
    expect(within(row('chat4')).getByText('3')).toBeInTheDocument()
  })

  it('Undo after reading messages brings back the mark and says the count is lost', async () => {
    const { calls, server } = await setup([
      { id: 5, type: 'user', title: 'Vera', counter: 4, unread: false },
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: Vera' }))
    await waitFor(() => expect(server[0]!.counter).toBe(0))
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(document.querySelector('.toast')).toHaveTextContent(
      'Marked as unread again. The number of unread messages could not be restored.',
    )
    await waitFor(() => expect(server[0]).toMatchObject({ unread: true, counter: 0 }))
    expect(writeRequests(calls).map((c) => `${c.method}:${String(c.params.ACTION)}`)).toEqual([
      'im.dialog.read:undefined',
      'im.recent.unread:Y',
    ])
    await waitFor(() => expect(row('5')).not.toHaveAttribute('data-pending'))
    expect(row('5')).toHaveAttribute('data-unread', 'true')
  })
})

describe('bulk read', () => {
  it('sends both commands per dialog, 50 commands a request, a dialog never split', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      id: `chat${i + 1}`,
      title: `Chat ${i + 1}`,
      counter: 2,
      unread: true,
    }))
    items.push({ id: 'chat99', title: 'Mark only', counter: 0, unread: true })
    const { calls, server } = await setup(items)
    await userEvent.click(screen.getByRole('button', { name: 'Select the loaded chats' }))
    await userEvent.click(screen.getByRole('button', { name: 'Mark selected as read' }))
    expect(await screen.findByText('31 chats changed')).toBeInTheDocument()

    const writes = writeRequests(calls)
    expect(writes).toHaveLength(Math.ceil(61 / 50))
    for (const batch of writes) {
      expect(batch.method).toBe('batch')
      const commands = commandsOf(batch)
      expect(commands.length).toBeLessThanOrEqual(50)
      for (const id of new Set(commands.map((c) => c.split(':')[1])))
        if (id !== 'chat99') expect(commands.filter((c) => c.split(':')[1] === id)).toHaveLength(2)
    }
    expect(server.some(unreadOnServer)).toBe(false)
  })
})

describe('Mark all as read', () => {
  const items = (): FakeDialog[] => [
    { id: 1, type: 'user', title: 'Anna', counter: 2, unread: false },
    { id: 'chat2', title: 'Design', counter: 0, unread: true },
    { id: 'chat3', title: 'Support line', counter: 1, unread: false, lines: { id: 7 } },
    { id: 4, type: 'user', title: 'Boris', counter: 0, unread: false },
  ]

  it('asks first, naming how many chats it reads; Cancel sends nothing', async () => {
    const { calls } = await setup(items())
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Mark all 3 chats as read?' })
    expect(dialog).toHaveTextContent('Messages cannot be made unread again')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(writeRequests(calls)).toEqual([])
  })

  it('in All reads every unread dialog the portal counts, loaded or not, dialog by dialog', async () => {
    // The list has loaded four dialogs; the portal counts a fifth further down.
    const server = [...items(), { id: 'chat5', title: 'Old chat', counter: 4, unread: false }]
    const fake = createFakePortal({
      ...imMethods(server),
      'im.recent.list': (params) => ({
        items: Number(params.OFFSET) > 0 ? [] : server.slice(0, 4).map((d) => ({ ...d })),
        hasMore: false,
      }),
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    await userEvent.click(await screen.findByRole('button', { name: 'Mark all as read' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Mark all 4 chats as read?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark all as read' }))
    expect(await screen.findByText('4 chats changed')).toBeInTheDocument()
    // Never im.dialog.read.all: it would also read the user's notifications.
    const writes = writeRequests(fake.calls)
    expect(writes.map((c) => c.method)).toEqual(['batch'])
    expect(commandsOf(writes[0]!).sort()).toEqual([
      'im.dialog.read:1',
      'im.dialog.read:chat3',
      'im.dialog.read:chat5',
      'im.recent.unread:chat2:N',
    ])
    expect(server.some(unreadOnServer)).toBe(false)
    for (const id of ['1', 'chat2', 'chat3'])
      expect(row(id)).toHaveAttribute('data-unread', 'false')
  })

  it('also reads the open lines with the mark, which the portal’s counters leave out', async () => {
    const server = [
      ...items(),
      { id: 'chat6', title: 'Marked line', counter: 0, unread: true, lines: { id: 8 } },
    ]
    const fake = createFakePortal({
      ...imMethods(server),
      'im.counters.get': () => countersOf(server.filter((d) => !(d.lines && d.counter === 0))),
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    await userEvent.click(await screen.findByRole('button', { name: 'Mark all as read' }))
    await userEvent.click(
      within(
        await screen.findByRole('alertdialog', { name: 'Mark all 4 chats as read?' }),
      ).getByRole('button', { name: 'Mark all as read' }),
    )
    expect(await screen.findByText('4 chats changed')).toBeInTheDocument()
    expect(server.some(unreadOnServer)).toBe(false)
  })
})

describe('what the list shows', () => {
  it('Direct shows people only, whatever the portal sends for SKIP_CHAT', async () => {
    const fake = createFakePortal({
      // A current portal: SKIP_CHAT keeps copilot chats, channels and collabs.
      'im.recent.list': (params) => ({
        items:
          Number(params.OFFSET) > 0
            ? []
            : [
                { id: 1, type: 'user', title: 'Anna' },
                { id: 'chat2', type: 'chat', title: 'BitrixGPT', chat: { type: 'copilot' } },
                { id: 'chat3', type: 'chat', title: 'News', chat: { type: 'openChannel' } },
                { id: 'chat4', type: 'chat', title: 'Collab', chat: { type: 'collab' } },
                { id: 'chat5', type: 'chat', title: 'Something new', chat: { type: 'hologram' } },
              ],
        hasMore: false,
      }),
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    await screen.findByText('BitrixGPT')
    await userEvent.click(screen.getByRole('button', { name: 'Direct' }))
    await waitFor(() => expect(screen.queryByText('BitrixGPT')).toBeNull())
    const ids = () =>
      [...document.querySelectorAll('[data-dialog-id]')].map((el) =>
        el.getAttribute('data-dialog-id'),
      )
    expect(ids()).toEqual(['1'])
    await userEvent.click(screen.getByRole('button', { name: 'Chats' }))
    await waitFor(() => expect(ids()).toEqual(['chat2', 'chat3', 'chat4', 'chat5']))
  })

  it('leaves colleague placeholders out, so nothing offers a mark the portal refuses', async () => {
    const fake = createFakePortal({
      'im.recent.list': (params) => ({
        items:
          Number(params.OFFSET) > 0
            ? []
            : [
                { id: 1, type: 'user', title: 'Anna', counter: 1 },
                {
                  id: 7,
                  type: 'user',
                  title: 'New colleague',
                  message: { id: 0 },
                  options: { default_user_record: true },
                },
              ],
        hasMore: false,
      }),
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    await screen.findByText('Anna')
    expect(screen.queryByText('New colleague')).toBeNull()
    expect(screen.getAllByRole('button', { name: /^Mark as/ })).toHaveLength(1)
  })

  it('shows a queued open line once, as waiting, with nothing to mark or select', async () => {
    const queued = {
      id: 'chat50',
      type: 'chat',
      title: 'Waiting client',
      lines: { id: 9 },
      counter: 1,
    }
    const fake = createFakePortal({
      // The portal adds queued sessions to every page unless SKIP_UNDISTRIBUTED_OPENLINES=Y,
      // whatever OFFSET says (docs/bitrix24-facts.md, "Open lines waiting in the queue").
      'im.recent.list': (params) => {
        const offset = Number(params.OFFSET)
        const items: unknown[] =
          offset < 400
            ? [{ id: offset / 200 + 1, type: 'user', title: `Person ${offset / 200 + 1}` }]
            : []
        if (params.SKIP_UNDISTRIBUTED_OPENLINES !== 'Y') items.push(queued)
        return { items, hasMore: offset === 0 }
      },
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    await screen.findByText('Person 2')
    expect(screen.getAllByText('Waiting client')).toHaveLength(1)
    const waiting = row('chat50')
    expect(within(waiting).getByText('Waiting in the queue')).toBeInTheDocument()
    expect(within(waiting).queryByRole('button', { name: /^Mark as/ })).toBeNull()
    expect(within(waiting).queryByRole('checkbox')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Select the loaded chats' }))
    expect(screen.getByText('2 chats selected')).toBeInTheDocument()
    // The shown list asks for the queue once, beside its first page; later pages go without it.
    // (The Unread list behind the header's total asks for its own first page the same way.)
    const queueAsks = fake.calls.filter(
      (c) =>
        c.method === 'im.recent.list' &&
        c.params.UNREAD_ONLY === undefined &&
        c.params.SKIP_UNDISTRIBUTED_OPENLINES !== 'Y',
    )
    expect(queueAsks).toHaveLength(1)
  })
})
