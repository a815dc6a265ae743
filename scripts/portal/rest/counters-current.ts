import { isPlainObject } from './params.ts'
import { phpMap } from './php-json.ts'
import { isMutedBy, itemType } from '../data/chat-kind.ts'
import { lastMessageId } from '../data/history.ts'
import type { UserState } from '../data/store.ts'

/**
 * im.counters.get as the current im module answers it: UserCountersCollector gathers one
 * counter per chat (unread message rows, manual marks, the open-line queue, notifications) and
 * LegacyCountersAdapter::toArrayWithDialogs shapes them (im module
 * lib/V2/Reading/Counter/UserCountersCollector.php, fetchAndBuild;
 * lib/V2/Reading/Counter/Adapter/LegacyCountersAdapter.php).
 */

/** A chat's recent sections (RecentConfigManager::getBaseRecentSections) as the adapter reads them. */
interface Sections {
  chat: boolean
  copilot: boolean
  collab: boolean
  lines: boolean
  tasksTask: boolean
}

/** One ChatCounter of the collector. */
interface ChatCounter {
  chatId: number
  counter: number
  isMuted: boolean
  isMarkedAsUnread: boolean
  /** A one-to-one dialog's partner (getDialogIdMapping), keyed in DIALOG by user id. */
  dialogId?: number
  /** A comment chat's channel (processChannelComment). */
  parentChatId?: number
  sections: Sections
}

const NO_SECTIONS: Sections = {
  chat: false,
  copilot: false,
  collab: false,
  lines: false,
  tasksTask: false,
}

/**
 * Lines: `lines` only; copilot and collab chats also count as chats (the adapter sets `$inChat`
 * for both); task chats their own section only; every other chat the default section, `chat`.
 */
function sectionsOf(item: Record<string, unknown>): Sections {
  switch (itemType(item)) {
    case 'L':
      return { ...NO_SECTIONS, lines: true }
    case 'A':
      return { ...NO_SECTIONS, chat: true, copilot: true }
    case 'B':
      return { ...NO_SECTIONS, chat: true, collab: true }
    case 'X':
      return { ...NO_SECTIONS, tasksTask: true }
    default:
      return { ...NO_SECTIONS, chat: true }
  }
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/**
 * The collector's counters, by chat id: own rows with unread messages or the manual mark (a row
 * without a message has no chat and counts nothing), then the queued open lines with a fixed
 * counter of 1 that replaces a real one (UserCounters::addAdditionalOpenLineCounter; addCounter
 * overwrites by chat id), then the channels' comment chats.
 */
function collect(state: UserState, userId: number): Map<number, ChatCounter> {
  const counters = new Map<number, ChatCounter>()
  for (const item of state.items) {
    if (!isPlainObject(item) || lastMessageId(item) === undefined) continue
    const chatId = positiveInt(item.chat_id)
    if (chatId === undefined) continue
    const counter =
      typeof item.counter === 'number' && item.counter > 0 ? Math.trunc(item.counter) : 0
    const isMarkedAsUnread = item.unread === true
    if (counter === 0 && !isMarkedAsUnread) continue
    const dialogId = item.type === 'user' ? positiveInt(Number(item.id)) : undefined
    counters.set(chatId, {
      chatId,
      counter,
      isMuted: isMutedBy(item, userId),
      isMarkedAsUnread,
      ...(dialogId === undefined ? {} : { dialogId }),
      sections: sectionsOf(item),
    })
  }
  for (const line of state.queued) {
    const chatId = isPlainObject(line) ? positiveInt(line.chat_id) : undefined
    if (chatId === undefined) continue
    counters.set(chatId, {
      chatId,
      counter: 1,
      isMuted: false,
      isMarkedAsUnread: false,
      sections: { ...NO_SECTIONS, lines: true },
    })
  }
  for (const [parentChatId, threads] of state.comments) {
    for (const [chatId, counter] of threads) {
      if (counter <= 0) continue
      const comment = { chatId, counter, isMuted: false, isMarkedAsUnread: false, parentChatId }
      counters.set(chatId, { ...comment, sections: NO_SECTIONS })
    }
  }
  return counters
}

interface Totals {
  ALL: number
  NOTIFY: number
  CHAT: number
  LINES: number
  DIALOG: number
  COPILOT: number
  COLLAB: number
  MESSENGER: number
  TASKS_TASK: number
}

type CountMap = Record<string, number>

interface Result {
  TYPE: Totals
  CHAT: CountMap
  DIALOG: CountMap
  COLLAB: CountMap
  CHAT_MUTED: CountMap
  CHAT_UNREAD: number[]
  DIALOG_UNREAD: number[]
  COLLAB_UNREAD: number[]
  COPILOT_UNREAD: number[]
  TASKS_TASK_UNREAD: number[]
  LINES: CountMap
  COPILOT: CountMap
  CHANNEL_COMMENT: Record<string, CountMap>
  TASKS_TASK: CountMap
}

/** processChannelComment: comments count in MESSENGER only, and a muted thread nowhere. */
function addComment(result: Result, counter: ChatCounter, parentChatId: number): void {
  if (counter.isMuted) {
    if (counter.counter > 0) result.CHAT_MUTED[counter.chatId] = counter.counter
    return
  }
  if (counter.counter <= 0) return
  result.CHANNEL_COMMENT[parentChatId] ??= {}
  ;(result.CHANNEL_COMMENT[parentChatId] as CountMap)[counter.chatId] = counter.counter
  result.TYPE.MESSENGER += counter.counter
}

/** processDialogCounter: keyed by the partner; a muted one only in CHAT_MUTED, by chat id. */
function addDialog(result: Result, counter: ChatCounter, dialogId: number): void {
  if (counter.isMarkedAsUnread) result.DIALOG_UNREAD.push(dialogId)
  if (counter.isMuted) {
    if (counter.counter > 0) result.CHAT_MUTED[counter.chatId] = counter.counter
    return
  }
  if (counter.counter > 0) {
    result.DIALOG[dialogId] = counter.counter
    result.TYPE.DIALOG += counter.counter
    result.TYPE.MESSENGER += counter.counter
    return
  }
  if (counter.isMarkedAsUnread) {
    result.TYPE.DIALOG++
    result.TYPE.MESSENGER++
  }
}

/**
 * processRegularChatCounter: marks are listed before the mute check (so a muted chat's mark is
 * listed yet counted nowhere); unread messages count in every section's bucket and once in
 * MESSENGER; a mark counts 1 only when nothing is unread, and a marked open line counts nothing.
 */
function addChat(result: Result, counter: ChatCounter): void {
  const { chatId, sections: s } = counter
  if (counter.isMarkedAsUnread) {
    if (s.chat) result.CHAT_UNREAD.push(chatId)
    if (s.copilot) result.COPILOT_UNREAD.push(chatId)
    if (s.collab) result.COLLAB_UNREAD.push(chatId)
    if (s.tasksTask) result.TASKS_TASK_UNREAD.push(chatId)
  }
  if (counter.isMuted) {
    if (counter.counter > 0) result.CHAT_MUTED[chatId] = counter.counter
    return
  }
  const count = counter.counter
  if (count > 0) {
    const buckets: [boolean, CountMap, keyof Totals][] = [
      [s.chat, result.CHAT, 'CHAT'],
      [s.copilot, result.COPILOT, 'COPILOT'],
      [s.collab, result.COLLAB, 'COLLAB'],
      [s.lines, result.LINES, 'LINES'],
      [s.tasksTask, result.TASKS_TASK, 'TASKS_TASK'],
    ]
    for (const [inSection, map, total] of buckets) {
      if (!inSection) continue
      map[chatId] = count
      result.TYPE[total] += count
    }
    if (s.chat || s.lines || s.tasksTask) result.TYPE.MESSENGER += count
    return
  }
  if (!counter.isMarkedAsUnread) return
  const marked: [boolean, keyof Totals][] = [
    [s.chat, 'CHAT'],
    [s.copilot, 'COPILOT'],
    [s.collab, 'COLLAB'],
    [s.tasksTask, 'TASKS_TASK'],
  ]
  for (const [inSection, total] of marked) if (inSection) result.TYPE[total]++
  if (s.chat || s.tasksTask) result.TYPE.MESSENGER++
}

/** The answer in the order of LegacyCountersAdapter::getDefaultResult; finalizeResult sums ALL. */
export function currentCounters(state: UserState, userId: number): Record<string, unknown> {
  const result: Result = {
    TYPE: {
      ALL: 0,
      NOTIFY: state.notify,
      CHAT: 0,
      LINES: 0,
      DIALOG: 0,
      COPILOT: 0,
      COLLAB: 0,
      MESSENGER: 0,
      TASKS_TASK: 0,
    },
    CHAT: {},
    DIALOG: {},
    COLLAB: {},
    CHAT_MUTED: {},
    CHAT_UNREAD: [],
    DIALOG_UNREAD: [],
    COLLAB_UNREAD: [],
    COPILOT_UNREAD: [],
    TASKS_TASK_UNREAD: [],
    LINES: {},
    COPILOT: {},
    CHANNEL_COMMENT: {},
    TASKS_TASK: {},
  }
  for (const counter of collect(state, userId).values()) {
    if (counter.parentChatId !== undefined) addComment(result, counter, counter.parentChatId)
    else if (counter.dialogId !== undefined) addDialog(result, counter, counter.dialogId)
    else addChat(result, counter)
  }
  result.TYPE.ALL = result.TYPE.MESSENGER + result.TYPE.NOTIFY
  return {
    TYPE: result.TYPE,
    CHAT: phpMap(result.CHAT),
    DIALOG: phpMap(result.DIALOG),
    COLLAB: phpMap(result.COLLAB),
    CHAT_MUTED: phpMap(result.CHAT_MUTED),
    CHAT_UNREAD: result.CHAT_UNREAD,
    DIALOG_UNREAD: result.DIALOG_UNREAD,
    COLLAB_UNREAD: result.COLLAB_UNREAD,
    COPILOT_UNREAD: result.COPILOT_UNREAD,
    TASKS_TASK_UNREAD: result.TASKS_TASK_UNREAD,
    LINES: phpMap(result.LINES),
    COPILOT: phpMap(result.COPILOT),
    CHANNEL_COMMENT: phpMap(
      Object.fromEntries(
        Object.entries(result.CHANNEL_COMMENT).map(([parent, threads]) => [
          parent,
          phpMap(threads),
        ]),
      ),
    ),
    TASKS_TASK: phpMap(result.TASKS_TASK),
  }
}
