import { formatAtom } from '../rest/time.ts'
import { lastReadId, reservedWidth } from './message-ids.ts'
import { createRandom, hashSeed } from './prng.ts'
import type { Random } from './prng.ts'
import { NAME_POOL, PORTAL_USERS, WORK_POSITIONS, fullName, portalUser } from './users.ts'

/**
 * Demo recent lists, shaped field for field like the recorded answers in
 * ./samples (im.recent.list / im.recent.get). Every user gets a
 * deterministic list: one-to-one dialogs, group chats, workgroup (sg) chats, open lines,
 * task chats, a copilot chat and channels; pinned ones first, then by last activity.
 */

export const MAX_DIALOGS = 20_000
export const DEFAULT_DIALOGS = 120

/** "Now" of the demo portal — fixed so that lists are identical between runs. */
export const DEMO_NOW_MS = Date.parse('2026-02-26T10:10:43+01:00')

export const COLORS = [
  '#1eb4aa',
  '#4ba984',
  '#df532d',
  '#ab7761',
  '#29619b',
  '#728f7a',
  '#ba9c7b',
  '#e8a441',
  '#6fc8e5',
  '#e97090',
  '#8474c8',
  '#4ba5c3',
  '#3e99ce',
  '#a58d7f',
  '#58cc47',
]

const CDN = 'https://cdn.com.bitrix24.com/b17053/resize_cache'

export type DialogKind =
  | 'user'
  | 'chat'
  | 'sonetGroup'
  | 'lines'
  | 'tasksTask'
  | 'copilot'
  | 'openChannel'
  | 'channel'
  | 'collab'

// The item types are loose on purpose: hostile-data tests replace items with anything.
export type RecentItem = Record<string, unknown>

const CHAT_TITLES = [
  'Marketing team',
  'Отдел продаж 🚀',
  'Q3 planning — budget review',
  '🎉 Birthday party 🎂',
  'فريق الدعم الفني',
  'צוות פיתוח',
  'プロジェクト会議',
  '产品讨论组',
  'Frontend ⚛️ guild',
  'Mixed עברית and English chat',
  'Tags <b>not</b> bold & "quotes" \'too\'',
  '🔥🔥🔥',
  'Logistics / Логистика / اللوجستيات',
  'Quarterly business review with the regional sales directors of Europe, the Middle East and Africa, including follow-ups on pipeline hygiene, forecasting accuracy and the new commission model for 2026',
  'Daily stand-up',
  'Équipe commerciale — Île-de-France',
]

const GROUP_TITLES = [
  'Project Apollo',
  'Проект «Север»',
  'Website redesign 2026',
  'مشروع التحول الرقمي',
  'פרויקט ענן',
  'Mobile app 📱 release train',
]

const LINE_NAMES = ['Open Channel 1', 'Telegram', 'WhatsApp', 'Website chat']

const TEXTS: readonly { text: string; attach?: boolean; file?: boolean; system?: boolean }[] = [
  { text: '[b]Reminder:[/b] stand-up at 10:00' },
  { text: '[USER=1]Alex Morgan[/USER], can you check the report?' },
  { text: 'See [URL=https://example.com/docs/spec?id=42&lang=en]the spec[/URL] before Friday' },
  { text: '[Attachment]', attach: true },
  { text: 'John Doe created a task [Attachment]', attach: true, system: true },
  { text: 'Привет! Когда будет готов отчёт?' },
  { text: 'مرحبا، هل يمكنك مراجعة المستند؟' },
  { text: 'שלום, הפגישה נדחתה למחר' },
  { text: '👍' },
  { text: '[i]Draft[/i]: [s]old price[/s] [u]new price[/u] — 1 200 €' },
  { text: '', file: true },
  { text: '[CODE]npm run build && npm test[/CODE]' },
  { text: 'Moved to [CHAT=42]General[/CHAT], see you there' },
  { text: 'ok' },
  { text: 'Спасибо 🙏 [b]всё получил[/b]' },
  { text: '今日の会議は15時からです' },
  { text: '<img src=x onerror=alert(1)> is just text here' },
  {
    text:
      'Long update: we finished the migration of the billing service, re-ran the reconciliation for January and February, ' +
      'found three mismatches caused by the time-zone switch, fixed them, and scheduled a follow-up with finance. ' +
      'Next steps are documented in [URL=https://example.com/wiki/billing]the wiki[/URL]; please review by Thursday. ' +
      'If anything looks off, ping [USER=2]Мария Иванова[/USER] or me directly.',
  },
]

interface Partner {
  id: number
  firstName: string
  lastName: string
  gender: 'M' | 'F'
  workPosition: string
  email: string
  avatar: string
  color: string
  bot: boolean
}

function uuid(random: Random): string {
  const h = random.hex(32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function avatarUrl(random: Random, probability: number): string {
  if (!random.chance(probability)) return ''
  return `${CDN}/${random.int(10000, 99999)}/${random.hex(32)}/im/${random.int(100, 999)}/${random.hex(32)}/${random.hex(32)}`
}

function userBlock(partner: Partner, lastActivityMs: number, random: Random): RecentItem {
  const name = fullName(partner)
  return {
    id: partner.id,
    active: true,
    name,
    first_name: partner.firstName,
    last_name: partner.lastName,
    work_position: partner.workPosition,
    color: partner.color,
    avatar: partner.avatar,
    avatar_hr: partner.avatar === '' ? '/bitrix/js/im/images/blank.gif' : partner.avatar,
    gender: partner.gender,
    birthday: random.chance(0.2)
      ? `${String(random.int(1, 28)).padStart(2, '0')}-${String(random.int(1, 12)).padStart(2, '0')}`
      : '',
    extranet: false,
    network: false,
    bot: partner.bot,
    connector: false,
    external_auth_id: partner.bot ? 'bot' : 'socservices',
    status: random.pick(['online', 'online', 'away', 'dnd', 'offline']),
    idle: false,
    last_activity_date: formatAtom(lastActivityMs + random.int(0, 3600) * 1000),
    mobile_last_date: false,
    desktop_last_date: false,
    absent: false,
    departments: [1, random.int(2, 900)],
    phones: false,
    bot_data: null,
    type: partner.bot ? 'bot' : 'user',
    website: '',
    email: partner.email,
  }
}

/** The colleagues a user talks to: the other portal users first, then generated people. */
function partnerFor(index: number, currentUserId: number, random: Random): Partner {
  const others = PORTAL_USERS.filter((user) => user.id !== currentUserId)
  const known = others[index]
  if (known) {
    return {
      id: known.id,
      firstName: known.firstName,
      lastName: known.lastName,
      gender: known.gender,
      workPosition: known.workPosition,
      email: known.email,
      avatar: avatarUrl(random, 0.5),
      color: COLORS[known.id % COLORS.length] as string,
      bot: false,
    }
  }
  const [firstName, lastName, gender] = NAME_POOL[index % NAME_POOL.length] as readonly [
    string,
    string,
    'M' | 'F',
  ]
  const id = 100 + index
  return {
    id,
    firstName,
    lastName,
    gender,
    workPosition: random.pick(WORK_POSITIONS),
    email: `user${id}@example.com`,
    avatar: avatarUrl(random, 0.4),
    color: random.pick(COLORS),
    bot: lastName === 'Support Bot',
  }
}

/**
 * Cases every demo list holds at fixed positions (when it is long enough), so the app can be
 * tried against each: kinds a filter must keep or drop, a muted chat, the unread states, a
 * channel with unread comments (channel-comments.ts), placeholder rows of colleagues without a
 * dialog and a colleague who just joined. Positions count from the top of the list.
 * `lastFrom: 'me'` makes the user the last message's author.
 */
type DemoCase =
  | { kind: Exclude<DialogKind, 'user'>; muted?: boolean; counter?: number; unread?: boolean }
  | { kind: 'user'; counter?: number; unread?: boolean; lastFrom?: 'me' | 'partner' }
  | { kind: 'joined'; counter: number; unread: boolean }
  | { kind: 'placeholder' }
const DEMO_CASES: Record<number, DemoCase> = {
  2: { kind: 'copilot' },
  3: { kind: 'openChannel' },
  4: { kind: 'collab' },
  5: { kind: 'chat', muted: true, counter: 3 },
  6: { kind: 'channel', counter: 1 },
  7: { kind: 'user', counter: 3, unread: true },
  8: { kind: 'user', counter: 0, unread: true },
  9: { kind: 'user', counter: 2, unread: false },
  10: { kind: 'placeholder' },
  11: { kind: 'joined', counter: 2, unread: false },
  12: { kind: 'lines', counter: 0, unread: true },
  13: { kind: 'chat', counter: 4, unread: true },
  14: { kind: 'user', counter: 0, unread: false, lastFrom: 'me' },
  15: { kind: 'user', counter: 0, unread: false, lastFrom: 'partner' },
  24: { kind: 'placeholder' },
  61: { kind: 'placeholder' },
}

/** From this position on, about one one-to-one row in fifty is a colleague who just joined. */
const JOINED_FROM = 21
const JOINED_SHARE = 0.02

/**
 * The "joined" message. The real text is the language string IM_INT_USR_JOIN_2 (im module
 * lib/integration/intranet/user.php, User::onInviteAccepted), which was not read; this stands in.
 */
const JOINED_TEXT = 'joined the company'

/** Ids of generated colleagues new to the user: placeholder rows and colleagues who just joined. */
const PLACEHOLDER_ID_BASE = 30_000

/** The lowest message id of a generated list; the oldest dialog's messages start above it. */
const FIRST_MESSAGE_ID = 1_000_000

/** A generated dialog waiting for its message ids (see assignMessageIds). */
interface IdBlock {
  item: RecentItem
  counter: number
  /** Ids of other chats between this dialog's oldest message and the older dialog's newest. */
  spacing: number
}

/**
 * Message ids are global and grow with time: the oldest dialog gets the lowest block. Each
 * dialog reserves room for its whole history below its newest message (message-ids.ts), and its
 * `last_id` is the newest message that is not among the `counter` unread ones.
 */
function assignMessageIds(blocks: readonly IdBlock[]): void {
  let floor = FIRST_MESSAGE_ID
  for (let index = blocks.length - 1; index >= 0; index--) {
    const { item, counter, spacing } = blocks[index] as IdBlock
    const newest = floor + spacing + reservedWidth(counter)
    ;(item.message as RecentItem).id = newest
    item.last_id = lastReadId(newest, counter)
    floor = newest
  }
}

function pickKind(random: Random): DialogKind {
  const roll = random.next()
  if (roll < 0.46) return 'user'
  if (roll < 0.68) return 'chat'
  if (roll < 0.76) return 'sonetGroup'
  if (roll < 0.88) return 'lines'
  if (roll < 0.95) return 'tasksTask'
  if (roll < 0.97) return 'copilot'
  return 'openChannel'
}

const RESTRICTIONS = {
  avatar: true,
  rename: true,
  extend: true,
  call: true,
  mute: true,
  leave: true,
  leave_owner: true,
  send: true,
  user_list: true,
}

interface ChatSpec {
  kind: Exclude<DialogKind, 'user'>
  chatId: number
  title: string
  avatar: string
  color: string
  owner: number
  dateCreateMs: number
  groupId: number
}

function chatBlock(
  spec: ChatSpec,
  currentUserId: number,
  muted: boolean,
  random: Random,
): RecentItem {
  const entity = {
    chat: { type: '', id: '', messageType: 'C', link: { type: '', url: '', id: '' } },
    sonetGroup: {
      type: 'SONET_GROUP',
      id: String(spec.groupId),
      messageType: 'C',
      link: {
        type: 'SONET_GROUP',
        url: `/workgroups/group/${spec.groupId}/`,
        id: String(spec.groupId),
      },
    },
    lines: {
      type: 'LINES',
      id: `telegrambot|${random.int(1, 4)}|${random.int(100000, 999999)}|${random.int(10, 99)}`,
      messageType: 'L',
      link: { type: '', url: '', id: '' },
    },
    tasksTask: {
      type: 'TASKS_TASK',
      id: String(spec.chatId + 7000),
      messageType: 'X',
      link: {
        type: 'TASKS',
        url: `/company/personal/user/${spec.owner}/tasks/task/view/${spec.chatId + 7000}/?ta_sec=chat_tasks&ta_el=view_button`,
        id: String(spec.chatId + 7000),
      },
    },
    // The chat TYPE letters of the im module (Bitrix\\Im\\V2\\Chat::IM_TYPE_*); a collab is a
    // workgroup of its own kind.
    copilot: { type: '', id: '', messageType: 'A', link: { type: '', url: '', id: '' } },
    openChannel: { type: '', id: '', messageType: 'J', link: { type: '', url: '', id: '' } },
    channel: { type: '', id: '', messageType: 'N', link: { type: '', url: '', id: '' } },
    collab: {
      type: 'SONET_GROUP',
      id: String(spec.groupId),
      messageType: 'B',
      link: { type: '', url: '', id: '' },
    },
  }[spec.kind]
  const role = spec.owner === currentUserId ? 'OWNER' : random.chance(0.1) ? 'MANAGER' : 'MEMBER'
  return {
    id: spec.chatId,
    parent_chat_id: 0,
    parent_message_id: 0,
    name: spec.title,
    owner: spec.owner,
    extranet: false,
    contains_collaber: false,
    avatar: spec.avatar,
    color: spec.color,
    type: spec.kind === 'chat' ? 'chat' : spec.kind,
    entity_type: entity.type,
    entity_id: entity.id,
    entity_data_1: '',
    entity_data_2: '',
    entity_data_3: '',
    mute_list: muted ? { [String(currentUserId)]: true } : [],
    manager_list: spec.owner === currentUserId ? [currentUserId] : [],
    date_create: formatAtom(spec.dateCreateMs),
    message_type: entity.messageType,
    user_counter: spec.kind === 'lines' ? 2 : random.int(2, 250),
    restrictions: { ...RESTRICTIONS },
    role,
    text_field_enabled: true,
    background_id: null,
    entity_link: entity.link,
    permissions: {
      manage_users_add: 'member',
      manage_users_delete: 'manager',
      manage_ui: 'member',
      manage_settings: 'owner',
      manage_messages: isChannel(spec.kind) ? 'owner' : 'member',
      can_post: isChannel(spec.kind) ? 'manager' : 'member',
    },
    public: '',
  }
}

function isChannel(kind: DialogKind): boolean {
  return kind === 'openChannel' || kind === 'channel'
}

function counterFor(random: Random): number {
  if (!random.chance(0.35)) return 0
  const roll = random.next()
  if (roll < 0.7) return random.int(1, 9)
  if (roll < 0.95) return random.int(10, 99)
  return random.int(100, 1500)
}

/**
 * Generates `count` dialogs (clamped to 0…MAX_DIALOGS) of `userId`'s recent list, already in
 * list order. Pure: the same arguments always give the same list.
 */
export function generateRecent(userId: number, count: number = DEFAULT_DIALOGS): RecentItem[] {
  const total = Math.max(0, Math.min(MAX_DIALOGS, Math.trunc(count)))
  const random = createRandom(hashSeed(`user:${userId}:dialogs:${total}`))
  const me = portalUser(userId)
  const meAsPartner: Partner = {
    id: userId,
    firstName: me?.firstName ?? 'User',
    lastName: me?.lastName ?? String(userId),
    gender: me?.gender ?? 'M',
    workPosition: me?.workPosition ?? '',
    email: me?.email ?? `user${userId}@example.com`,
    avatar: '',
    color: COLORS[userId % COLORS.length] as string,
    bot: false,
  }
  const pinnedCount = total === 0 ? 0 : Math.min(6, Math.max(1, Math.round(total * 0.03)))
  const items: RecentItem[] = []
  let partnerIndex = 0
  let chatId = 1000 + random.int(0, 50)
  let privateChatId = 50_000 + random.int(0, 50)
  let groupId = 10
  const blocks: IdBlock[] = []
  let clockMs = DEMO_NOW_MS - random.int(5, 600) * 1000
  const partners: Partner[] = []

  for (let index = 0; index < total; index++) {
    const pinned = index < pinnedCount
    // Pinned dialogs may be old; the rest go back in time one gap after another.
    let activityMs: number
    if (pinned) {
      activityMs = DEMO_NOW_MS - random.int(1, 60 * 24 * 40) * 60_000
    } else {
      clockMs -= random.int(1, index < 30 ? 90 : 600) * 60_000 + random.int(0, 59) * 1000
      activityMs = clockMs
    }
    const demoCase = DEMO_CASES[index]
    const randomKind = pickKind(random)
    const kind: DialogKind =
      index === 0
        ? 'user'
        : index === 1
          ? 'chat'
          : demoCase?.kind === 'joined'
            ? 'user'
            : demoCase && demoCase.kind !== 'placeholder'
              ? demoCase.kind
              : randomKind
    let counter = counterFor(random)
    let unread = random.chance(0.07)
    const hasReminder = random.chance(0.03)
    const textSpec = random.pick(TEXTS)
    const date = formatAtom(activityMs)
    if (demoCase && 'counter' in demoCase) counter = demoCase.counter ?? counter
    if (demoCase && 'unread' in demoCase) unread = demoCase.unread ?? unread
    if (demoCase?.kind === 'placeholder' && !pinned) {
      items.push(placeholderItem(PLACEHOLDER_ID_BASE + index, activityMs, random))
      continue
    }
    const spacing = random.int(1, 20)

    if (kind === 'user') {
      const joined =
        demoCase?.kind === 'joined' ||
        (!demoCase && index >= JOINED_FROM && random.chance(JOINED_SHARE))
      const partner = joined
        ? newColleague(PLACEHOLDER_ID_BASE + index, random)
        : partnerFor(partnerIndex++, userId, random)
      if (!joined) partners.push(partner)
      const rolledFromMe = counter === 0 && random.chance(0.4)
      const lastFrom = demoCase?.kind === 'user' ? demoCase.lastFrom : undefined
      // The author's own message is never unread for them (NewMessageHandler::handle reads the
      // chat up to it), so a dialog the user wrote last has nothing unread.
      const fromMe = !joined && (lastFrom === undefined ? rolledFromMe : lastFrom === 'me')
      if (fromMe) counter = 0
      const item: RecentItem = {
        id: partner.id,
        chat_id: privateChatId++,
        type: 'user',
        avatar: { url: partner.avatar, color: partner.color },
        title: fullName(partner),
        message: {
          id: 0,
          text: joined ? JOINED_TEXT : textSpec.system ? 'ok' : textSpec.text,
          file: !joined && textSpec.file === true,
          author_id: fromMe ? userId : partner.id,
          attach: !joined && textSpec.attach === true && !textSpec.system,
          sticker: null,
          date,
          status: fromMe ? random.pick(['delivered', 'received']) : 'received',
          uuid: random.chance(0.8) ? uuid(random) : null,
        },
        counter,
        last_id: 0,
        pinned,
        unread,
        has_reminder: hasReminder,
        date_update: date,
        date_last_activity: date,
        user: userBlock(partner, activityMs, random),
        chat: { text_field_enabled: true, background_id: null, mute_list: [] },
        // The last message's CODE USER_JOIN shows only as this flag (lib/recent.php, formatRow).
        options: joined ? { default_user_record: true } : [],
      }
      items.push(item)
      blocks.push({ item, counter, spacing })
      continue
    }

    const id = chatId
    chatId += random.int(1, 9)
    let title: string
    if (kind === 'sonetGroup') title = random.pick(GROUP_TITLES)
    else if (kind === 'lines') {
      const client = NAME_POOL[random.int(0, NAME_POOL.length - 2)] as readonly [
        string,
        string,
        string,
      ]
      title = `${client[0]} ${client[1]} - ${random.pick(LINE_NAMES)}`
    } else if (kind === 'tasksTask')
      title = random.pick([
        'Maximally Complete Task Template',
        'Prepare the Q2 report',
        'Исправить ошибку в счёте',
        'إعداد العرض التقديمي',
      ])
    else if (kind === 'copilot') title = 'BitrixGPT'
    else if (kind === 'openChannel')
      title = random.pick(['Company news 📣', 'Новости компании', 'IT announcements'])
    else if (kind === 'channel') title = random.pick(['Board announcements', 'Release notes 🚀'])
    else if (kind === 'collab')
      title = random.pick(['Agency collab: spring campaign', 'Partner collab'])
    else title = random.pick(CHAT_TITLES)
    if (kind === 'chat' && random.chance(0.3)) title = `${title} #${random.int(2, 40)}`
    const color = random.pick(COLORS)
    const avatar = kind === 'copilot' ? '' : avatarUrl(random, 0.45)
    const owner = random.chance(0.2) ? userId : partners.length > 0 ? random.pick(partners).id : 503
    const spec: ChatSpec = {
      kind,
      chatId: id,
      title,
      avatar,
      color,
      owner,
      dateCreateMs: activityMs - random.int(1, 400) * 86_400_000,
      groupId: kind === 'sonetGroup' || kind === 'collab' ? groupId++ : 0,
    }
    const systemMessage = kind === 'tasksTask' || textSpec.system === true
    let author: Partner | undefined = systemMessage
      ? undefined
      : random.chance(0.25)
        ? meAsPartner
        : partners.length > 0
          ? random.pick(partners)
          : partnerFor(0, userId, random)
    // As for one-to-one dialogs: the user's own last message leaves nothing unread. A demo case
    // that needs unread messages gets a colleague as the author instead.
    if (author === meAsPartner) {
      const needsUnread = demoCase && 'counter' in demoCase && (demoCase.counter ?? 0) > 0
      if (needsUnread && partners[0]) author = partners[0]
      else counter = 0
    }
    const text = kind === 'tasksTask' ? 'John Doe created a task [Attachment]' : textSpec.text
    const item: RecentItem = {
      id: `chat${id}`,
      chat_id: id,
      type: 'chat',
      avatar: { url: avatar, color },
      title,
      message: {
        id: 0,
        text,
        file: textSpec.file === true && !systemMessage,
        author_id: author ? author.id : 0,
        attach: systemMessage || textSpec.attach === true,
        sticker: null,
        date,
        status: 'received',
        uuid: author && random.chance(0.8) ? uuid(random) : null,
      },
      counter,
      last_id: 0,
      pinned,
      unread,
      has_reminder: hasReminder,
      date_update: date,
      date_last_activity: date,
      chat: chatBlock(
        spec,
        userId,
        random.chance(0.1) || (demoCase?.kind === kind && 'muted' in demoCase && !!demoCase.muted),
        random,
      ),
    }
    if (kind === 'lines') {
      item.lines = {
        id: random.int(100, 99_999),
        status: random.pick([0, 5, 10, 20, 25, 40]),
        date_create: formatAtom(activityMs - random.int(1, 72) * 3_600_000),
      }
    }
    item.user = author ? userBlock(author, activityMs, random) : { id: 0 }
    item.options = []
    items.push(item)
    blocks.push({ item, counter, spacing })
  }
  assignMessageIds(blocks)

  // Pinned first (newest pinned on top), then everything else by last activity — the
  // order the messenger shows. The generator produced the unpinned part already sorted.
  const pinnedItems = items
    .slice(0, pinnedCount)
    .sort((a, b) => String(b.date_last_activity).localeCompare(String(a.date_last_activity)))
  return [...pinnedItems, ...items.slice(pinnedCount)]
}

/** A message block without a portal author, file or attachment (a client's, or none at all). */
function systemMessage(id: number, text: string, date: string): RecentItem {
  return {
    id,
    text,
    file: false,
    author_id: 0,
    attach: false,
    sticker: null,
    date,
    status: 'received',
    uuid: null,
  }
}

/** A generated colleague new to the portal, with id `id` (placeholder rows, joined colleagues). */
function newColleague(id: number, random: Random): Partner {
  const partner = partnerFor(id - 100, 0, random)
  return { ...partner, id, email: `user${id}@example.com` }
}

/**
 * A colleague the user has no dialog with yet, as the intranet list shows one: a shared row of
 * the recent table (USER_ID 0), flagged `options.default_user_record`, with no message
 * (`message.id` 0), nothing unread, and no chat (im module lib/recent.php, formatRow).
 */
function placeholderItem(id: number, joinedMs: number, random: Random): RecentItem {
  const colleague = newColleague(id, random)
  const date = formatAtom(joinedMs)
  return {
    id,
    chat_id: 0,
    type: 'user',
    avatar: { url: colleague.avatar, color: colleague.color },
    title: fullName(colleague),
    message: systemMessage(0, '', date),
    counter: 0,
    last_id: 0,
    pinned: false,
    unread: false,
    has_reminder: false,
    date_update: date,
    date_last_activity: date,
    user: userBlock(colleague, joinedMs, random),
    chat: { text_field_enabled: true, background_id: null, mute_list: [] },
    options: { default_user_record: true },
  }
}

/**
 * Open-line sessions waiting in a queue the user serves (imopenlines Recent::getRecent with
 * ONLY_IN_QUEUE): one for a list of a dozen dialogs or more, two from a hundred on. They are
 * chats of type `lines` whose session status is 0 (new) or 5 (queued), with the fixed
 * `counter: 1` and no `options` key imopenlines' formatRow gives them. After the first comes a
 * `null`: getRecent stores formatRow's answer for a session without a message unchecked
 * (imopenlines lib/recent.php), and im.recent.list passes it on.
 */
export function generateQueuedLines(userId: number, count: number): (RecentItem | null)[] {
  const total = count >= 100 ? 2 : count >= 12 ? 1 : 0
  const random = createRandom(hashSeed(`user:${userId}:queue`))
  const lines: (RecentItem | null)[] = []
  for (let index = 0; index < total; index++) {
    const chatId = 900_000 + userId * 10 + index
    const [first, last] = NAME_POOL[random.int(0, NAME_POOL.length - 2)] as readonly [
      string,
      string,
      'M' | 'F',
    ]
    const createdMs = DEMO_NOW_MS - random.int(2, 50) * 60_000
    const date = formatAtom(createdMs)
    const messageId = 2_000_000 + chatId
    const spec: ChatSpec = {
      kind: 'lines',
      chatId,
      title: `${first} ${last} - ${random.pick(LINE_NAMES)}`,
      avatar: '',
      color: random.pick(COLORS),
      owner: 0,
      dateCreateMs: createdMs,
      groupId: 0,
    }
    lines.push({
      id: `chat${chatId}`,
      chat_id: chatId,
      type: 'chat',
      avatar: { url: '', color: spec.color },
      title: spec.title,
      message: systemMessage(
        messageId,
        random.pick(['Hello, is anyone there?', 'Здравствуйте! Нужна помощь с заказом']),
        date,
      ),
      counter: 1,
      last_id: messageId - 1,
      pinned: false,
      unread: false,
      has_reminder: false,
      date_update: date,
      date_last_activity: date,
      chat: chatBlock(spec, userId, false, random),
      lines: { id: 70_000 + chatId, status: index === 0 ? 0 : 5, date_create: date },
      user: { id: 0 },
    })
    if (index === 0) lines.push(null)
  }
  return lines
}
