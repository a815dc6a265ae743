import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RestError } from '../../../bitrix24/rest.ts'
import {
  countersOf,
  createFakePortal,
  deferred,
  imMethods,
  type Gate,
} from '../../../test/fake-portal.ts'
import { renderRecent } from '../../../test/render-recent.tsx'
import { renderWithPortal } from '../../../test/render-with-portal.tsx'
import { RecentScreen } from './RecentScreen.tsx'

const setup = renderRecent

/** The gate for tests that only care about im.recent.unread: every other write goes through. */
const onUnread =
  (answer: (params: Record<string, unknown>) => unknown): Gate =>
  (method, params) =>
    method === 'im.recent.unread' ? answer(params) : true

const row = (id: string) => document.querySelector<HTMLElement>(`[data-dialog-id="${id}"]`)!
type Call = { method: string; params: Record<string, unknown>; inBatch?: true }

/** The list commands a call carries: itself, or those that rode in its batch. */
const listCommands = (c: Call) =>
  c.method === 'im.recent.list'
    ? [c.params]
    : c.method === 'batch'
      ? (c.params.commands as Call[])
          .filter((d) => d.method === 'im.recent.list')
          .map((d) => d.params)
      : []

/**
 * Requests that asked for the shown list ("All"; the first page and the queue ride in one batch).
 * The Unread list behind the header's total is its own.
 */
const listCalls = (calls: Call[]) =>
  calls.filter((c) => !c.inBatch && listCommands(c).some((p) => p.UNREAD_ONLY === undefined)).length
const unreadCalls = (calls: { method: string; params: Record<string, unknown> }[]) =>
  calls
    .filter((c) => c.method === 'im.recent.unread')
    .map((c) => `${String(c.params.DIALOG_ID)}:${String(c.params.ACTION)}`)

describe('RecentScreen', () => {
  it('shows each dialog once even when adjacent pages overlap', async () => {
    const pages = [
      {
        items: [
          { id: 1, title: 'Anna Petrova' },
          { id: 'chat7', title: 'Design team' },
        ],
        hasMore: true,
      },
      {
        items: [
          { id: 'chat7', title: 'Design team' },
          { id: 'sg3', title: 'Project X' },
        ],
        hasMore: false,
      },
    ]
    const fake = createFakePortal({
      'im.recent.list': (params) => pages[Number(params.OFFSET) / 200],
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    // The end of the list is in view, so the next page is asked for without a click.
    await screen.findByText('Project X')
    expect(
      [...document.querySelectorAll('[data-dialog-id]')].map((el) =>
        el.getAttribute('data-dialog-id'),
      ),
    ).toEqual(['1', 'chat7', 'sg3'])
  })

  it('draws the rows in view first, and the rows just past them once those are painted', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, title: `Person ${i + 1}` }))
    const fake = createFakePortal({ 'im.recent.list': () => ({ items, hasMore: false }) })
    const rowsNow = () => document.querySelectorAll('[data-dialog-id]').length
    // Read when React's commit has reached the DOM, before any frame could be painted.
    let firstDrawn = 0
    const observer = new MutationObserver(() => {
      if (firstDrawn === 0) firstDrawn = rowsNow()
    })
    observer.observe(document.body, { subtree: true, childList: true })
    await renderWithPortal(<RecentScreen />, fake.portal)
    // The list's view holds 10 rows of 64 px (src/test/setup.ts); 8 more wait past its end.
    await waitFor(() => expect(rowsNow()).toBe(18))
    observer.disconnect()
    expect(firstDrawn).toBe(10)
  })

  it('tells a screen reader how many dialogs there are only once the last page has come', async () => {
    const lastPage = deferred<unknown>()
    const pages = [
      {
        items: [
          { id: 1, title: 'Anna Petrova' },
          { id: 'chat7', title: 'Design team' },
        ],
        hasMore: true,
      },
      lastPage.promise, // held until the test lets it come
    ]
    const fake = createFakePortal({
      'im.recent.list': (params) => pages[Number(params.OFFSET) / 200],
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    await screen.findByText('Design team')
    const setSizes = () =>
      [...document.querySelectorAll('[data-dialog-id]')].map((el) =>
        el.getAttribute('aria-setsize'),
      )
    // More is to come: the size is unknown, not the two loaded so far.
    expect(setSizes()).toEqual(['-1', '-1'])

    await act(async () =>
      lastPage.resolve({ items: [{ id: 'sg3', title: 'Project X' }], hasMore: false }),
    )
    await screen.findByText('Project X')
    expect(setSizes()).toEqual(['3', '3', '3'])
    expect(row('sg3')).toHaveAttribute('aria-posinset', '3')
  })

  it('flips the row before the server answers, and sends the id as the portal gave it', async () => {
    const answer = deferred<boolean>()
    const { calls } = await setup(
      [{ id: 547, title: 'John Doe', counter: 0, unread: false }],
      () => answer.promise,
    )
    const toggle = await screen.findByRole('button', { name: 'Mark as unread: John Doe' })
    await userEvent.click(toggle)

    expect(row('547')).toHaveAttribute('data-unread', 'true')
    expect(row('547')).toHaveAttribute('data-pending', 'true')
    expect(screen.getByRole('button', { name: 'Mark as read: John Doe' })).toBeInTheDocument()
    // The request leaves once the row has been painted.
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'im.recent.unread')?.params).toEqual({
        DIALOG_ID: 547,
        ACTION: 'Y',
      }),
    )

    await act(async () => answer.resolve(true))
    await waitFor(() => expect(row('547')).not.toHaveAttribute('data-pending'))
    expect(row('547')).toHaveAttribute('data-unread', 'true')
  })

  it('is done once the server has answered, while the badge is still being read again', async () => {
    const server = [{ id: 547, title: 'John Doe', counter: 0, unread: false }]
    const badge = deferred()
    let holdBadge = false
    const fake = createFakePortal({
      ...imMethods(server),
      // A rate-limited portal can keep this read waiting for seconds.
      'im.counters.get': async () => {
        if (holdBadge) await badge.promise
        return countersOf(server)
      },
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    const toggle = await screen.findByRole('button', { name: 'Mark as unread: John Doe' })
    holdBadge = true
    const badgeReads = () => fake.calls.filter((c) => c.method === 'im.counters.get').length
    const before = badgeReads()
    await userEvent.click(toggle)
    await waitFor(() => expect(server[0]!.unread).toBe(true))
    await waitFor(() => expect(badgeReads()).toBeGreaterThan(before))
    await waitFor(() => expect(row('547')).not.toHaveAttribute('data-pending'))
    expect(row('547')).toHaveAttribute('data-unread', 'true')
    await act(async () => badge.resolve(undefined))
  })

  it('marking read clears the counter at once', async () => {
    await setup(
      [{ id: 'chat9', title: 'Sales', counter: 4, unread: false }],
      () => new Promise(() => {}),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as read: Sales' }))
    expect(row('chat9')).toHaveAttribute('data-unread', 'false')
    expect(within(row('chat9')).queryByText('4')).toBeNull()
  })

  it('sends repeated clicks on one dialog one after another, in click order', async () => {
    const answers: ReturnType<typeof deferred<boolean>>[] = []
    const { calls } = await setup(
      [{ id: 'chat1', title: 'Team', counter: 0, unread: false }],
      () => {
        const answer = deferred<boolean>()
        answers.push(answer)
        return answer.promise
      },
    )
    await screen.findByText('Team')
    const user = userEvent.setup()
    for (let i = 0; i < 3; i++)
      await user.click(within(row('chat1')).getByRole('button', { name: /^Mark as/ }))

    expect(row('chat1')).toHaveAttribute('data-unread', 'true')
    expect(unreadCalls(calls)).toEqual(['chat1:Y']) // the next ones wait for the first

    await act(async () => answers[0]!.resolve(true))
    await waitFor(() => expect(unreadCalls(calls)).toEqual(['chat1:Y', 'chat1:N']))
    await act(async () => answers[1]!.resolve(true))
    await waitFor(() => expect(unreadCalls(calls)).toEqual(['chat1:Y', 'chat1:N', 'chat1:Y']))
    expect(row('chat1')).toHaveAttribute('data-unread', 'true')
    const before = listCalls(calls)
    await act(async () => answers[2]!.resolve(true))

    await waitFor(() => expect(row('chat1')).not.toHaveAttribute('data-pending'))
    expect(row('chat1')).toHaveAttribute('data-unread', 'true')
    // Every change was confirmed, and the cache holds each confirmation: nothing to read again.
    expect(listCalls(calls) - before).toBe(0)
  })

  it('rolls back only the row whose change failed, and says why with a Retry', async () => {
    const failing = deferred<boolean>()
    const succeeding = deferred<boolean>()
    const { calls } = await setup(
      [
        { id: 1, title: 'Anna', counter: 0, unread: false },
        { id: 2, title: 'Boris', counter: 0, unread: false },
      ],
      (_method, params) => (params.DIALOG_ID === 1 ? failing.promise : succeeding.promise),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as unread: Anna' }))
    await userEvent.click(screen.getByRole('button', { name: 'Mark as unread: Boris' }))
    expect(row('1')).toHaveAttribute('data-unread', 'true')
    expect(row('2')).toHaveAttribute('data-unread', 'true')

    await act(async () =>
      failing.reject(new RestError('INTERNAL_SERVER_ERROR', 500, 'Internal error')),
    )

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Could not mark “Anna” as unread: Bitrix24 answered with an error (INTERNAL_SERVER_ERROR).',
    )
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(row('1')).toHaveAttribute('data-unread', 'false')
    expect(row('2')).toHaveAttribute('data-unread', 'true') // untouched, still on its way
    expect(row('2')).toHaveAttribute('data-pending', 'true')

    // Half of a failed change may have happened: the list is read again once the last settles.
    const before = listCalls(calls)
    await act(async () => succeeding.resolve(true))
    await waitFor(() => expect(listCalls(calls) - before).toBe(1))
  })

  it('treats result:false as "this chat no longer exists"', async () => {
    await setup([{ id: 'chat5', title: 'Old chat', counter: 2, unread: false }], () => false)
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as read: Old chat' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('this chat no longer exists')
    expect(row('chat5')).toHaveAttribute('data-unread', 'true')
  })

  it('retries a failed change with the same intent', async () => {
    let attempt = 0
    const { calls } = await setup([{ id: 3, title: 'Vera', counter: 0, unread: false }], () => {
      attempt += 1
      if (attempt === 1) throw new RestError('NETWORK_ERROR', 0, 'Network connection failed')
      return true
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as unread: Vera' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('there is no connection to Bitrix24')
    // Told twice: on the row, and in the message area for a row that may be scrolled away.
    expect(document.querySelector('.toast--error')).toHaveTextContent(
      'Could not mark “Vera” as unread',
    )
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(unreadCalls(calls)).toEqual(['3:Y', '3:Y']))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(row('3')).toHaveAttribute('data-unread', 'true')
  })

  it('renders hostile titles and texts as plain text', async () => {
    const fake = createFakePortal({
      'im.recent.list': (params) => ({
        items:
          Number(params.OFFSET) > 0
            ? []
            : [
                {
                  id: 'chat66',
                  title: '<img src=x onerror="window.__pwned=1">',
                  message: { text: '<script>window.__pwned=1</script>[b]bold[/b]' },
                  avatar: { url: 'javascript:alert(1)', color: '#123456' },
                },
              ],
        hasMore: false,
      }),
    })
    await renderWithPortal(<RecentScreen />, fake.portal)
    expect(await screen.findByText('<img src=x onerror="window.__pwned=1">')).toBeInTheDocument()
    expect(screen.getByText('<script>window.__pwned=1</script>bold')).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('script')).toBeNull()
  })

  it('opens the dialog in the portal’s messenger from its title', async () => {
    const { imOpenMessenger } = await setup([
      { id: 'chat12', title: 'Support', counter: 0, unread: false },
    ])
    await userEvent.click(
      await screen.findByRole('button', { name: 'Open Support in the messenger' }),
    )
    expect(imOpenMessenger).toHaveBeenCalledWith('chat12')
  })
})

describe('bulk changes', () => {
  it('wait for an earlier single click on the same dialog, so the server ends with the last wish', async () => {
    const first = deferred<boolean>()
    let answered = 0
    const { calls, server } = await setup(
      [
        { id: 1, title: 'Anna', counter: 0, unread: false },
        { id: 2, title: 'Boris', counter: 0, unread: false },
      ],
      onUnread(() => (++answered === 1 ? first.promise : true)),
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Mark as unread: Anna' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Anna' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Boris' }))
    await user.click(screen.getByRole('button', { name: 'Mark selected as unread' }))
    // Anna's single click is still on its way; Boris needs the change, Anna already shows it.
    expect(row('2')).toHaveAttribute('data-unread', 'true')
    await user.click(screen.getByRole('checkbox', { name: 'Select Anna' }))
    await user.click(screen.getByRole('button', { name: 'Mark selected as read' }))
    expect(row('1')).toHaveAttribute('data-unread', 'false')
    // Boris's change went at once; the one for Anna waits for her first write to be answered.
    expect(unreadCalls(calls)).toEqual(['1:Y', '2:Y'])

    await act(async () => first.resolve(true))
    await waitFor(() => expect(row('1')).not.toHaveAttribute('data-pending'))
    expect(unreadCalls(calls)).toEqual(['1:Y', '2:Y', '1:N'])
    expect(server.find((d) => d.id === 1)?.unread).toBe(false)
    expect(row('1')).toHaveAttribute('data-unread', 'false')
  })
})
