/**
 * PHP-style query strings (`parse_str`), as a portal reads them: the SDK builds each batch
 * command with qs.stringify, so `{FILTER: {ID: [1, 2]}}` arrives as
 * `FILTER%5BID%5D%5B0%5D=1&FILTER%5BID%5D%5B1%5D=2`. Form bodies use the same syntax.
 *
 * Not the `qs` package: qs turns arrays with more than 20 elements into objects and stops at
 * depth 5, PHP does neither. Lists whose keys are exactly 0…n-1 come out as JS arrays (like
 * PHP's json_encode), everything else as objects. Values are always strings.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const MAX_DEPTH = 32
/** PHP's default max_input_vars. */
const MAX_VARS = 1000

type Node = Map<string, Node | string>

function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

function splitKey(rawKey: string): string[] | null {
  const open = rawKey.indexOf('[')
  if (open <= 0) return [rawKey]
  const base = rawKey.slice(0, open)
  const segments: string[] = [base]
  let rest = rawKey.slice(open)
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) break
    segments.push(rest.slice(1, close))
    rest = rest.slice(close + 1)
    if (segments.length > MAX_DEPTH) break
  }
  return segments
}

function nextIndex(node: Node): string {
  let max = -1
  for (const key of node.keys()) {
    if (/^(0|[1-9]\d*)$/.test(key)) max = Math.max(max, Number(key))
  }
  return String(max + 1)
}

function toPlain(node: Node): unknown {
  const keys = [...node.keys()]
  const isList = keys.every((key, index) => key === String(index))
  if (isList) return keys.map((key) => materialize(node.get(key)))
  const out: Record<string, unknown> = {}
  for (const key of keys) out[key] = materialize(node.get(key))
  return out
}

function materialize(value: Node | string | undefined): unknown {
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : toPlain(value)
}

export function parsePhpQuery(query: string): Record<string, unknown> {
  const root: Node = new Map()
  const text = query.startsWith('?') ? query.slice(1) : query
  let count = 0
  for (const pair of text.split('&')) {
    if (pair === '') continue
    if (++count > MAX_VARS) break
    const eq = pair.indexOf('=')
    const rawKey = decode(eq < 0 ? pair : pair.slice(0, eq))
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1))
    const segments = splitKey(rawKey)
    if (!segments || segments[0] === '') continue
    if (segments.some((segment) => FORBIDDEN_KEYS.has(segment))) continue
    let node = root
    for (let i = 0; i < segments.length; i++) {
      let key = segments[i] as string
      if (i > 0 && key === '') key = nextIndex(node)
      if (i === segments.length - 1) {
        node.set(key, value)
      } else {
        let child = node.get(key)
        if (!(child instanceof Map)) {
          child = new Map()
          node.set(key, child)
        }
        node = child
      }
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, value] of root) out[key] = materialize(value)
  return out
}
