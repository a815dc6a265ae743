/**
 * Hostile im.recent.list items for e2e/hostile-data.spec.ts: what a compromised or buggy portal,
 * another app writing chat titles, or a plain chat member could put into the list. Each case says
 * what the list must show for it:
 * - `{ row: key }`: an ordinary row (`data-dialog-id=key`), optionally containing `text` verbatim;
 * - `'broken'`: the placeholder row (no usable id — it cannot be toggled);
 * - `'duplicate'`: nothing more (an earlier item had the same id; the list shows a dialog once).
 *
 * Executing anything sets `window.__pwned`; the spec checks it stays undefined.
 */

export type HostileExpectation = { row: string; text?: string } | 'broken' | 'duplicate'

export interface HostileCase {
  name: string
  item: unknown
  expect: HostileExpectation
}

export const PWNED = 'window.__pwned=1'

/** A well-formed chat item with some fields replaced. */
function chat(n: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `chat${n}`,
    chat_id: n,
    type: 'chat',
    avatar: { url: '', color: '#5e8ee0' },
    title: `Chat ${n}`,
    message: {
      id: n * 10,
      text: 'hello',
      author_id: 1,
      date: '2025-05-01T10:00:00+00:00',
      status: 'received',
    },
    counter: 0,
    pinned: false,
    unread: false,
    date_last_activity: '2025-05-01T10:00:00+00:00',
    chat: { id: n, name: `Chat ${n}`, type: 'chat' },
    ...fields,
  }
}

const row = (n: number, text?: string): HostileExpectation =>
  text === undefined ? { row: `chat${n}` } : { row: `chat${n}`, text }

/** An object whose own (JSON) key is `__proto__`, as JSON.parse makes it. */
const withProtoKey = (json: string): unknown => JSON.parse(json) as unknown

const MEGABYTE = 1_000_000

export const HOSTILE_CASES: HostileCase[] = [
  // ------------------------------------------------------------ markup in titles and texts
  {
    name: 'script tag in the title',
    item: chat(1001, { title: `<script>${PWNED}</script>` }),
    expect: row(1001, `<script>${PWNED}</script>`),
  },
  {
    name: 'img onerror in the title',
    item: chat(1002, { title: `<img src=x onerror="${PWNED}">` }),
    expect: row(1002, `<img src=x onerror="${PWNED}">`),
  },
  {
    name: 'SVG onload in the title',
    item: chat(1003, { title: `<svg onload="${PWNED}"><circle r=5 /></svg>` }),
    expect: row(1003, '<svg onload='),
  },
  {
    name: 'iframe srcdoc in the title',
    item: chat(1004, { title: `<iframe srcdoc="<script>parent.${PWNED}</script>"></iframe>` }),
    expect: row(1004, '<iframe srcdoc='),
  },
  {
    name: 'javascript: link in the title',
    item: chat(1005, { title: `<a href="javascript:${PWNED}">open</a>` }),
    expect: row(1005, '<a href="javascript:'),
  },
  {
    name: 'HTML entities in the title stay entities',
    item: chat(1006, { title: '&lt;script&gt;&#x3C;img src=x onerror=alert(1)&#x3E;' }),
    expect: row(1006, '&lt;script&gt;&#x3C;img'),
  },
  {
    name: 'style tag in the title',
    item: chat(1007, { title: '<style>*{display:none!important}</style>Hidden?' }),
    expect: row(1007, '<style>'),
  },
  {
    name: 'template and expression syntax in the title',
    item: chat(1008, {
      title: "{{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1} #{7*7}",
    }),
    expect: row(1008, '{{constructor.constructor('),
  },
  {
    name: 'script tag in the message text',
    item: chat(1009, { message: { text: `<script>${PWNED}</script>tail` } }),
    expect: row(1009, `<script>${PWNED}</script>tail`),
  },
  {
    name: 'img onerror in the message text',
    item: chat(1010, { message: { text: `<img src=x onerror="${PWNED}">` } }),
    expect: row(1010, '<img src=x onerror='),
  },
  {
    name: 'SVG with a script in the message text',
    item: chat(1011, { message: { text: `<svg><script>${PWNED}</script></svg>` } }),
    expect: row(1011, '<svg><script>'),
  },
  {
    name: 'BB-code URL with a javascript: target',
    item: chat(1012, { message: { text: `[URL=javascript:${PWNED}]click me[/URL]` } }),
    expect: row(1012, 'click me'),
  },
  {
    name: 'BB-code IMG with a javascript: source',
    item: chat(1013, { message: { text: `[IMG]javascript:${PWNED}[/IMG] after` } }),
    expect: row(1013, 'after'),
  },
  {
    name: 'unterminated and nested BB-code',
    item: chat(1014, { message: { text: '[USER=1][URL=x][b][QUOTE]open [CODE' } }),
    expect: row(1014),
  },
  {
    name: 'markdown link with a javascript: target',
    item: chat(1015, { title: `[click](javascript:${PWNED})` }),
    expect: row(1015, '[click](javascript:'),
  },
  // ------------------------------------------------------------ avatars
  {
    name: 'javascript: avatar URL',
    item: chat(1101, { avatar: { url: `javascript:${PWNED}`, color: '#123456' } }),
    expect: row(1101),
  },
  {
    name: 'data: SVG avatar with a script',
    item: chat(1102, {
      avatar: {
        url: `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${PWNED}"/>`,
        color: '#123456',
      },
    }),
    expect: row(1102),
  },
  {
    name: 'data: HTML avatar',
    item: chat(1103, { avatar: { url: `data:text/html,<script>${PWNED}</script>` } }),
    expect: row(1103),
  },
  {
    name: 'vbscript: avatar',
    item: chat(1104, { avatar: { url: 'vbscript:msgbox(1)' } }),
    expect: row(1104),
  },
  {
    name: 'javascript: avatar hidden by whitespace and case',
    item: chat(1105, { avatar: { url: ` \n JaVaScRiPt:${PWNED}` } }),
    expect: row(1105),
  },
  {
    name: 'protocol-relative avatar URL',
    item: chat(1106, { avatar: { url: '//evil.example/pixel.gif' } }),
    expect: row(1106),
  },
  {
    name: 'tracking pixel on a foreign host (the CSP refuses it)',
    item: chat(1107, { avatar: { url: 'https://evil.example/track.gif?who=me' } }),
    expect: row(1107),
  },
  {
    name: 'CSS injection through the avatar color',
    item: chat(1108, {
      avatar: { url: '', color: 'red;background-image:url(https://evil.example/c.gif)' },
    }),
    expect: row(1108),
  },
  {
    name: 'a 100 kB avatar URL',
    item: chat(1109, { avatar: { url: `https://cdn.com.bitrix24.com/${'a'.repeat(100_000)}` } }),
    expect: row(1109),
  },
  {
    name: 'avatar as a string, message as a string',
    item: chat(1110, { avatar: 'https://evil.example/a.png', message: `<b>${PWNED}</b>` }),
    expect: row(1110),
  },
  // ------------------------------------------------------------ sizes
  {
    name: 'a megabyte title',
    item: chat(1201, { title: 'M'.repeat(MEGABYTE) }),
    expect: row(1201, 'MMMMMMMMMM'),
  },
  {
    name: 'a 300 kB message text',
    item: chat(1202, { message: { text: 'word '.repeat(60_000) } }),
    expect: row(1202, 'word word'),
  },
  {
    name: 'BB-code crafted to make regexes backtrack',
    item: chat(1203, { message: { text: '[USER='.repeat(3_000) + '[b='.repeat(3_000) } }),
    expect: row(1203),
  },
  // ------------------------------------------------------------ Unicode tricks
  {
    name: 'right-to-left override in the title',
    item: chat(1301, { title: 'invoice\u202Efdp.exe' }),
    expect: row(1301, 'invoicefdp.exe'),
  },
  {
    name: 'bidi isolates and embeddings in the message',
    item: chat(1302, { message: { text: '\u2067evil\u2069 \u202Bnested\u202C \u202Dltr' } }),
    expect: row(1302, 'evil nested ltr'),
  },
  {
    name: 'combining-mark flood (zalgo)',
    item: chat(1303, { title: `Z${'\u0336\u0322\u0353'.repeat(2_000)}algo` }),
    expect: row(1303),
  },
  {
    name: 'lone surrogates',
    item: chat(1304, { title: 'half \uD800 pair \uDC00 end' }),
    expect: row(1304, 'end'),
  },
  {
    name: 'NUL and control characters',
    item: chat(1305, { title: 'nul\u0000bell\u0007esc\u001b[31m' }),
    expect: row(1305, 'nulbellesc[31m'),
  },
  {
    name: 'a real right-to-left title with emoji',
    item: chat(1306, { title: 'فريق المبيعات 👩‍👩‍👧‍👦' }),
    expect: row(1306, 'فريق المبيعات'),
  },
  // ------------------------------------------------------------ null, missing, wrong types
  { name: 'null item', item: null, expect: 'broken' },
  { name: 'empty object', item: {}, expect: 'broken' },
  { name: 'item without id', item: { ...chat(1401), id: undefined }, expect: 'broken' },
  { name: 'string item', item: 'chat1402', expect: 'broken' },
  { name: 'array item', item: [chat(1403)], expect: 'broken' },
  { name: 'number item', item: 1404, expect: 'broken' },
  {
    name: 'null title, message, avatar, chat and dates',
    item: chat(1405, {
      title: null,
      message: null,
      avatar: null,
      chat: null,
      date_last_activity: null,
    }),
    expect: row(1405, 'Untitled chat'),
  },
  {
    name: 'every field of the wrong type',
    item: {
      id: 'chat1406',
      type: 42,
      title: 1406,
      message: ['text'],
      avatar: 7,
      counter: { n: 3 },
      unread: 'Y',
      pinned: 'yes',
      date_last_activity: 1_714_560_000,
      chat: 'chat',
      lines: 'yes',
      user: [],
    },
    expect: row(1406, '1406'),
  },
  {
    name: 'unknown dialog type',
    item: chat(1407, { type: 'hologram', chat: { type: '<b>bold</b>' } }),
    expect: row(1407),
  },
  // ------------------------------------------------------------ ids
  {
    name: 'numbers as strings (id, counter)',
    item: { ...chat(1), id: '1501', type: 'user', counter: '7', chat: undefined },
    expect: { row: '1501' },
  },
  { name: 'fractional id', item: { ...chat(1502), id: 1502.5 }, expect: 'broken' },
  { name: 'negative id', item: { ...chat(1503), id: -1503 }, expect: 'broken' },
  { name: 'id with leading zeros', item: { ...chat(1504), id: '001504' }, expect: 'broken' },
  { name: 'id chat0', item: { ...chat(1505), id: 'chat0' }, expect: 'broken' },
  { name: 'id beyond the safe integers', item: { ...chat(1506), id: 1e21 }, expect: 'broken' },
  { name: 'id as an object', item: { ...chat(1507), id: { toString: 'chat1' } }, expect: 'broken' },
  { name: 'id with markup', item: { ...chat(1508), id: 'chat1"><img src=x>' }, expect: 'broken' },
  {
    name: 'duplicated id (the first one wins)',
    item: chat(1001, { title: 'Impostor of chat1001' }),
    expect: 'duplicate',
  },
  {
    name: 'duplicated id as a number and as a string',
    item: { ...chat(1), id: 1501, type: 'user', title: 'Impostor of 1501', chat: undefined },
    expect: 'duplicate',
  },
  // ------------------------------------------------------------ prototype pollution
  {
    name: '__proto__ key',
    item: withProtoKey(
      '{"id":"chat1601","type":"chat","title":"proto","__proto__":{"polluted":"yes","unread":true}}',
    ),
    expect: row(1601, 'proto'),
  },
  {
    name: 'constructor.prototype keys',
    item: chat(1602, { constructor: { prototype: { polluted: 'yes' } }, prototype: { x: 1 } }),
    expect: row(1602),
  },
  {
    name: '__proto__ inside avatar and message',
    item: withProtoKey(
      '{"id":"chat1603","type":"chat","title":"nested proto","avatar":{"__proto__":{"url":"javascript:1"}},"message":{"__proto__":{"polluted":"yes"}}}',
    ),
    expect: row(1603, 'nested proto'),
  },
  // ------------------------------------------------------------ counters and dates
  { name: 'huge counter', item: chat(1701, { counter: 1e300 }), expect: row(1701, '99+') },
  { name: 'negative counter', item: chat(1702, { counter: -5 }), expect: row(1702) },
  {
    name: 'counter "NaN" and a boolean',
    item: chat(1703, { counter: 'NaN', unread: 1 }),
    expect: row(1703),
  },
  {
    name: 'NaN and garbage dates',
    item: chat(1704, {
      date_last_activity: 'NaN',
      message: { text: 'x', date: 'not a date' },
    }),
    expect: row(1704),
  },
  {
    name: 'dates at the ends of time',
    item: chat(1705, {
      date_last_activity: '+275760-09-13T00:00:00.000Z',
      message: { text: 'y', date: '-271821-04-20T00:00:00.000Z' },
    }),
    expect: row(1705),
  },
  {
    name: 'dates as objects',
    item: chat(1706, { date_last_activity: { $date: 1 }, message: { date: [] } }),
    expect: row(1706),
  },
]

/** Keys of the rows the list must show, in order. */
export const EXPECTED_ROWS = HOSTILE_CASES.flatMap((c) =>
  typeof c.expect === 'object' ? [c.expect.row] : [],
)
export const EXPECTED_BROKEN = HOSTILE_CASES.filter((c) => c.expect === 'broken').length
