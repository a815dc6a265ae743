import { isPlainObject } from '../rest/params.ts'
import { formatAtom } from '../rest/time.ts'
import { COLORS, DEMO_NOW_MS } from './generate.ts'
import { PORTAL_USERS, fullName } from './users.ts'
import type { PortalUser } from './users.ts'

/**
 * The people a user of the demo portal can meet: the portal users (data/users.ts) and everyone
 * their recent list names — one-to-one partners, colleagues without a dialog yet, colleagues who
 * just joined. Each is a user block shaped like the `user` block of an im.recent.list item (the
 * `User::getArray` fields; samples/im.recent.list.response.json).
 */

export type UserBlock = Record<string, unknown>

/** A portal user's block, built the same way every time (they log in, so they are online). */
export function portalUserBlock(user: PortalUser): UserBlock {
  return {
    id: user.id,
    active: true,
    name: fullName(user),
    first_name: user.firstName,
    last_name: user.lastName,
    work_position: user.workPosition,
    color: COLORS[user.id % COLORS.length],
    avatar: '',
    avatar_hr: '/bitrix/js/im/images/blank.gif',
    gender: user.gender,
    birthday: '',
    extranet: false,
    network: false,
    bot: false,
    connector: false,
    external_auth_id: 'socservices',
    status: 'online',
    idle: false,
    last_activity_date: formatAtom(DEMO_NOW_MS),
    mobile_last_date: false,
    desktop_last_date: false,
    absent: false,
    departments: [1],
    phones: false,
    bot_data: null,
    type: 'user',
    website: '',
    email: user.email,
  }
}

function personId(block: Record<string, unknown>): number | undefined {
  const { id } = block
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined
}

/**
 * Everyone `items` (a user's recent list) lets that user meet, by user id: the portal users,
 * then the `user` block of every one-to-one row (a partner's block wins over the portal-user
 * one: it is what the list already showed).
 */
export function peopleOf(items: readonly unknown[]): Map<number, UserBlock> {
  const people = new Map<number, UserBlock>()
  for (const user of PORTAL_USERS) people.set(user.id, portalUserBlock(user))
  for (const item of items) {
    if (!isPlainObject(item) || item.type !== 'user' || !isPlainObject(item.user)) continue
    const id = personId(item.user)
    if (id !== undefined) people.set(id, item.user)
  }
  return people
}
