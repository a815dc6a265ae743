import { waitFor } from '@testing-library/react'
import { expect, it } from 'vitest'
import { createFakePortal, imMethods } from '../../../test/fake-portal.ts'
import { renderHookWithPortal } from '../../../test/render-with-portal.tsx'
import { useUnreadHeading } from './use-unread-heading.ts'

it('counts unread messages and marked chats, and puts the count in the portal’s title', async () => {
  const server = [
    { id: 1, title: 'Anna', counter: 3, unread: false },
    { id: 'chat7', title: 'Team', counter: 0, unread: true },
    { id: 2, title: 'Boris', counter: 0, unread: false },
  ]
  const { portal } = createFakePortal({ ...imMethods(server), profile: () => ({ ID: '1' }) })
  const { result } = await renderHookWithPortal(() => useUnreadHeading(1), portal)
  await waitFor(() => expect(result.current).toEqual({ total: 4, count: '4' }))
  expect(portal.parent.setTitle).toHaveBeenLastCalledWith('(4) Recent chats')
})
