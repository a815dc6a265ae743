import { infiniteQueryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { callBatch, resultOf, type BatchOutcome, type RestCommand } from '../../../bitrix24/rest.ts'
import { perClient } from '../../../lib/per-client.ts'
import { yieldToMain } from '../../../lib/yield-to-main.ts'
import type { Portal } from '../../../bitrix24/connection.ts'
import { isPlaceholder } from '../model/dialog.ts'
import { FILTER_PARAMS, matchesFilter, type RecentFilter } from '../model/filters.ts'
import { recentKeys } from './keys.ts'
import type { RecentItemPayload, RecentListPayload } from '../types/payload.ts'

/** im.recent.list's maximum page: fewer round trips and fewer hits on the portal's rate limit. */
export const PAGE_SIZE = 200

/**
 * Pages after the first travel this many at a time, as im.recent.list commands of one `batch`
 * request. Three pages (600 records, about 750 kB) is the balance between the portal's rate limit
 * (a burst of 50, then 2/s; 20,000 dialogs are about 28,000 records, so 47 requests: the burst)
 * and the work the SDK does on each answer in one go (it parses the answer and serialises it
 * again for its log), which grows with the answer and holds the list still while it runs.
 */
export const PAGES_PER_BATCH = 3

/** The offset after a list page: the first page is one im.recent.list call, later ones a batch. */
export const nextOffset = (offset: number) =>
  offset === 0 ? PAGE_SIZE : offset + PAGE_SIZE * PAGES_PER_BATCH

/**
 * Once the user scrolls past the first page, the batches after the one asked for are set on their
 * way, so the next rows are read while these are shown. The first batch ahead leaves with the one
 * asked for; each further one leaves when the one before it has answered and said there is more,
 * so the portal works on the next batch while the app takes in the last. Batches that have come
 * by the time the list asks go into the same list page: one step of a fast scroll takes them all.
 * At most READ_AHEAD_BATCHES are ahead (about 1,200 records), and they are dropped if nobody asks
 * for them in time (their rows would be older than a refresh).
 */
const READ_AHEAD_BATCHES = 2
const READ_AHEAD_MS = 10_000

interface Batch {
  offset: number
  requestedAt: number
  pages: Promise<RecentListPayload[]>
  /** Its pages, once they have come. */
  arrived?: RecentListPayload[]
}

/** The batches read ahead, per filter (the Unread filter's list pages on beside the one on screen). */
const readAheadsOf = perClient<RecentFilter, Batch[]>()

/** How often the list is refreshed while the app is visible. */
export const REFRESH_INTERVAL_MS = 30_000

/**
 * Up to this many loaded pages (the first page and two batches: about 1,400 records) the periodic
 * refresh reads the whole list again, a few requests. Past it only the first page is read: at
 * 20,000 dialogs reading everything every 30 s would spend most of a cloud portal's rate limit
 * (2 requests/s) on rows nobody looks at, while new activity lifts a dialog to the first page,
 * which is where a list changes. The rest is read again when the user comes back to the tab or
 * the network, and after a change that failed. The Unread list is always read whole: a dialog
 * read elsewhere leaves it from wherever it is (and the list is read to at most 5,000 dialogs).
 */
export const FULL_REFRESH_PAGES = 3

/**
 * Keeps only what the list shows of an item: at 20,000 dialogs the full payload (user and chat
 * objects, permissions…) would hold tens of megabytes for nothing. Stamped with when its request
 * left, so what was learnt of the server later is laid over it (api/server-facts.ts).
 */
function compact(raw: unknown, seenAt: number): unknown {
  if (typeof raw !== 'object' || raw === null) return raw
  const item = raw as RecentItemPayload
  return {
    seen_at: seenAt,
    id: item.id,
    type: item.type,
    title: item.title,
    avatar: item.avatar && { url: item.avatar.url, color: item.avatar.color },
    message: item.message && { text: item.message.text, date: item.message.date },
    counter: item.counter,
    pinned: item.pinned,
    unread: item.unread,
    date_last_activity: item.date_last_activity,
    chat: item.chat && { type: item.chat.type, mute_list: item.chat.mute_list },
    lines: item.lines && { id: item.lines.id },
  }
}

const hasMoreAfter = (page: RecentListPayload | undefined) =>
  (page?.hasMore ?? page?.hasMorePages) === true

/**
 * PAGES_PER_BATCH pages from `offset` in one `batch` request, up to the first that says there is
 * no more (the ones after it are past the end). The docs: OFFSET grows by LIMIT, not by the
 * number of items (pages are collapsed server-side).
 */
async function fetchPages(
  portal: Portal,
  offset: number,
  params: (offset: number) => Record<string, unknown>,
): Promise<RecentListPayload[]> {
  const commands = Object.fromEntries(
    Array.from({ length: PAGES_PER_BATCH }, (_, index) => [
      `page${index}`,
      { method: 'im.recent.list', params: params(offset + index * PAGE_SIZE) },
    ]),
  )
  const outcomes = await callBatch<RecentListPayload>(portal, commands)
  const pages: RecentListPayload[] = []
  for (const key of Object.keys(commands)) {
    const page = resultOf<RecentListPayload>(outcomes, key)
    pages.push(page)
    if (!hasMoreAfter(page)) break
  }
  return pages
}

/**
 * Whether an item goes into the list at all. Colleague placeholders are left out: they are not
 * dialogs yet (no message, nothing unread) and the portal refuses a mark on them, while this
 * list is about unread state — the messenger itself shows them only to fill a new user's empty
 * list. Items that cannot be read at all still pass, to be shown as broken rows.
 */
function belongs(raw: unknown, filter: RecentFilter): boolean {
  if (typeof raw !== 'object' || raw === null) return true
  const item = raw as RecentItemPayload
  return !isPlaceholder(item) && matchesFilter(item, filter)
}

/**
 * Open-line sessions waiting in a queue the user serves come with every im.recent.list page,
 * whatever OFFSET says, unless SKIP_UNDISTRIBUTED_OPENLINES=Y (docs/bitrix24-facts.md, "Open lines waiting in the queue") — and nothing in
 * an item tells them apart from the user's own sessions. So pages are asked for without them, and
 * the first page's request also asks, in the same `batch`, for a page past the end: what that
 * holds is exactly the queue. The user sees each waiting session once, as waiting.
 */
const QUEUE_PARAMS = { SKIP_DIALOG: 'Y', SKIP_CHAT: 'Y', OFFSET: 1_000_000_000, LIMIT: 1 }
const WITH_QUEUE: ReadonlySet<RecentFilter> = new Set(['all', 'unread', 'openlines'])

function itemsOf(
  page: RecentListPayload | undefined,
  filter: RecentFilter,
  seenAt: number,
): unknown[] {
  return Array.isArray(page?.items)
    ? page.items.filter((raw) => belongs(raw, filter)).map((raw) => compact(raw, seenAt))
    : []
}

/**
 * The queue's sessions. The portal can send `null` among them (imopenlines Recent::getRecent keeps
 * a session it could not format): nothing to show, not a broken row.
 */
const queuedOf = (page: RecentListPayload | undefined, filter: RecentFilter, seenAt: number) =>
  itemsOf(page, filter, seenAt).filter((item) => item !== null)

const pageParams = (filter: RecentFilter) => (from: number) => ({
  ...FILTER_PARAMS[filter],
  PARSE_TEXT: 'Y',
  SKIP_UNDISTRIBUTED_OPENLINES: 'Y',
  OFFSET: from,
  LIMIT: PAGE_SIZE,
})

/**
 * What a list's first page asks the portal, as commands of one `batch`: the page, and the queue
 * for the lists that show it. The first screen sends them in the same request as its other
 * questions (api/prefetch.ts).
 */
export function firstPageCommands(filter: RecentFilter): Record<string, RestCommand> {
  const params = pageParams(filter)(0)
  const page = { method: 'im.recent.list', params }
  if (!WITH_QUEUE.has(filter)) return { page }
  const queueParams = { ...params, ...QUEUE_PARAMS, SKIP_UNDISTRIBUTED_OPENLINES: 'N' }
  return { page, queue: { method: 'im.recent.list', params: queueParams } }
}

type PageParams = (offset: number) => Record<string, unknown>

function startBatch(
  portal: Portal,
  offset: number,
  params: PageParams,
  after?: Promise<RecentListPayload[]>,
): Batch {
  const batch: Batch = {
    offset,
    requestedAt: Date.now(),
    pages: after
      ? after.then((before) =>
          hasMoreAfter(before.at(-1)) ? fetchPages(portal, offset, params) : [],
        )
      : fetchPages(portal, offset, params),
  }
  // Reading ahead is a guess: if nobody takes it, its failure is nobody's business.
  batch.pages.then((pages) => (batch.arrived = pages)).catch(() => {})
  return batch
}

/** The batch read ahead for `offset`, if it is still fresh. */
function takeReadAhead(
  queryClient: QueryClient,
  filter: RecentFilter,
  offset: number,
): Batch | undefined {
  const ahead = readAheadsOf(queryClient).get(filter) ?? []
  return ahead.find(
    (batch) => batch.offset === offset && Date.now() - batch.requestedAt < READ_AHEAD_MS,
  )
}

/** Keeps READ_AHEAD_BATCHES batches on their way after `offset`, reusing those already asked for. */
function readAheadAfter(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
  offset: number,
  params: PageParams,
) {
  const following: Batch[] = []
  for (let at = nextOffset(offset); following.length < READ_AHEAD_BATCHES; at = nextOffset(at)) {
    following.push(
      takeReadAhead(queryClient, filter, at) ??
        startBatch(portal, at, params, following.at(-1)?.pages),
    )
  }
  readAheadsOf(queryClient).set(filter, following)
}

/**
 * One list page for a filter, trimmed to what the list shows, each item stamped with when its
 * request left. The first is one portal page (the first screen waits for one small answer) and
 * also carries the queue; each later one is PAGES_PER_BATCH portal pages in one batch. The first
 * page's answers may come from a batch already on its way (`firstAnswers`).
 */
export async function fetchRecentPage(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
  offset: number,
  firstAnswers?: Promise<Map<string, BatchOutcome<unknown>>>,
): Promise<RecentListPayload> {
  const requestedAt = Date.now()
  const params = pageParams(filter)
  /** The portal's pages in this list page, each with when its request left. */
  const pages: { page: RecentListPayload | undefined; seenAt: number }[] = []
  let queue: RecentListPayload | undefined
  /** The offset of the last batch in this page. */
  let last = offset
  if (offset === 0) {
    const answers = await (firstAnswers ?? callBatch(portal, firstPageCommands(filter)))
    pages.push({ page: resultOf(answers, 'page'), seenAt: requestedAt })
    // Asked for where the list shows the queue (firstPageCommands).
    if (answers.has('queue')) queue = resultOf(answers, 'queue')
  } else {
    const batch = takeReadAhead(queryClient, filter, offset) ?? startBatch(portal, offset, params)
    // The batch right after the first page comes with the first screen, before any scroll.
    const scrolling = offset > PAGE_SIZE
    if (scrolling) readAheadAfter(portal, queryClient, filter, offset, params)
    for (const page of await batch.pages) pages.push({ page, seenAt: batch.requestedAt })
    while (scrolling && hasMoreAfter(pages.at(-1)?.page)) {
      // Only a batch that has already come: waiting for one would hold back the rows in hand.
      const next = takeReadAhead(queryClient, filter, nextOffset(last))
      if (!next?.arrived) break
      for (const page of next.arrived) pages.push({ page, seenAt: next.requestedAt })
      last = next.offset
      readAheadAfter(portal, queryClient, filter, last, params)
    }
  }
  await yieldToMain()
  return {
    items: pages.flatMap(({ page, seenAt }) => itemsOf(page, filter, seenAt)),
    hasMore: hasMoreAfter(pages.at(-1)?.page),
    nextOffset: nextOffset(last),
    ...(queue && { queued: queuedOf(queue, filter, requestedAt) }),
  }
}

/**
 * The recent list for one filter, page by page. Background refreshes wait while a mark change is
 * in flight: an answer computed before the change reached the server would flip the row back.
 */
export function recentListQueryOptions(
  portal: Portal,
  queryClient: QueryClient,
  filter: RecentFilter,
) {
  const idle = () => noMarkInFlight(queryClient)
  // One portal per page load (the frame is the app's whole world), so it is not part of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return infiniteQueryOptions({
    queryKey: recentKeys.list(filter),
    queryFn: ({ pageParam }) => fetchRecentPage(portal, queryClient, filter, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, _pages, lastOffset) =>
      last.hasMore ? (last.nextOffset ?? nextOffset(lastOffset)) : undefined,
    refetchOnWindowFocus: idle,
    refetchOnReconnect: idle,
    refetchInterval: (query) =>
      idle() && !readsHeadOnly(filter, query.state.data) ? REFRESH_INTERVAL_MS : false,
  })
}

export const noMarkInFlight = (queryClient: QueryClient) =>
  queryClient.isMutating({ mutationKey: recentKeys.markMutations() }) === 0

export function readsHeadOnly(
  filter: RecentFilter,
  data: InfiniteData<RecentListPayload, number> | undefined,
): boolean {
  return filter !== 'unread' && (data?.pages.length ?? 0) > FULL_REFRESH_PAGES
}
