import { waitFor } from '@testing-library/react'
import { expect, it } from 'vitest'
import { createFakePortal, imMethods } from '../../../test/fake-portal.ts'
import { renderHookWithPortal } from '../../../test/render-with-portal.tsx'
import { collectEntries } from '../model/collect.ts'
import { useUnreadHeading } from './use-unread-heading.ts'

const server = [
  { id: 1, title: 'Anna', counter: 3, unread: false },
  { id: 'chat7', title: 'Team', counter: 0, unread: true },
  { id: 2, title: 'Boris', counter: 0, unread: false },
]

it('says the portal’s own total (im.counters.get) in one request, and puts it in the portal’s title', async () => {
  const { portal, calls } = createFakePortal(imMethods(server))
  const { result } = await renderHookWithPortal(() => useUnreadHeading(new Map(), []), portal)
  await waitFor(() => expect(result.current).toEqual({ total: 4, count: '4' }))
  expect(portal.parent.setTitle).toHaveBeenLastCalledWith('(4) Recent chats')
  expect(calls.map((call) => call.method)).toEqual(['im.counters.get'])
})

it('moves with the changes on their way: a read takes its messages off, a mark adds one', async () => {
  const { portal } = createFakePortal(imMethods(server))
  const loaded = collectEntries([{ items: server }])
  let pending = new Map<string, boolean>()
  const { result, rerender } = await renderHookWithPortal(
    () => useUnreadHeading(pending, loaded),
    portal,
  )
  await waitFor(() => expect(result.current?.total).toBe(4))
  pending = new Map([
    ['1', false],
    ['2', true],
  ])
  rerender()
  expect(result.current?.total).toBe(2)
})
