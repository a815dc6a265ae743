// Bitrix24 message texts are BB-code. The list shows a one-line plain-text preview: tags go,
// their readable content stays, and nothing is ever interpreted as HTML.

const REPLACEMENTS: [RegExp, string][] = [
  // [USER=1]Anna[/USER], [CHAT=5]Team[/CHAT], [URL=https://…]label[/URL] → the label
  [/\[(USER|CHAT|URL|CALL|SEND|PUT|DISK|TIMESTAMP|CONTEXT)(=[^\]]*)?\]([\s\S]*?)\[\/\1\]/gi, '$3'],
  // Quotes and code keep their text.
  [/\[(QUOTE|CODE)\]([\s\S]*?)\[\/\1\]/gi, '$2'],
  // Inline icons and smileys carry no readable text.
  [/\[(ICON|SMILE)=[^\]]*\]/gi, ''],
  // Inline formatting wraps words: [b], [/b], [i], [s], [u], [color=#f00], [size=12], [font=…]
  [/\[\/?(B|I|S|U|COLOR|SIZE|FONT|SPOILER|URL|USER|CHAT)(=[^\]]*)?\]/gi, ''],
  // Block tags separate words: [br], [p], [list], [*], [table], [td], [left], ...
  [/\[\/?(BR|P|LIST|\*|TABLE|TR|TD|TH|LEFT|RIGHT|CENTER|JUSTIFY|IMG)(=[^\]]*)?\]/gi, ' '],
  [/-{2,}|={3,}/g, ' '],
]

/** Longer input is cut first: the patterns backtrack, so their cost grows faster than the text. */
export const MAX_BBCODE_INPUT = 10_000

/** Every pattern above needs one of these characters: most previews have none. */
const MARKUP = /[[\-=]/

export function stripBbCode(text: string): string {
  let plain = text.length > MAX_BBCODE_INPUT ? text.slice(0, MAX_BBCODE_INPUT) : text
  if (MARKUP.test(plain)) {
    for (const [pattern, replacement] of REPLACEMENTS) plain = plain.replace(pattern, replacement)
  }
  return plain.replace(/\s+/g, ' ').trim()
}
