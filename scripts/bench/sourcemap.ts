/**
 * Just enough of the source map v3 format to say which source each byte of a minified file
 * came from. Written here rather than imported: the decoders in node_modules are transitive
 * dependencies the project does not declare.
 */

export interface RawSourceMap {
  sources: string[]
  mappings: string
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]))

/** Decodes one segment's Base64 VLQ fields. */
function decodeSegment(text: string): number[] {
  const fields: number[] = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = DIGIT.get(char)
    if (digit === undefined) throw new Error(`bad source map character ${JSON.stringify(char)}`)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
      continue
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
    value = 0
    shift = 0
  }
  return fields
}

/**
 * Splits `code` into the pieces each source produced: a segment covers its generated column
 * up to the next segment's column (or the end of the line). Text no segment covers is
 * attributed to `null` (the bundler's own glue).
 */
export function attributeCode(code: string, map: RawSourceMap): Map<string | null, string[]> {
  const pieces = new Map<string | null, string[]>()
  const add = (source: string | null, text: string) => {
    if (text === '') return
    const list = pieces.get(source)
    if (list) list.push(text)
    else pieces.set(source, [text])
  }
  const lines = code.split('\n')
  const mappedLines = map.mappings.split(';')
  let sourceIndex = 0
  lines.forEach((line, lineIndex) => {
    const segments = (mappedLines[lineIndex] ?? '').split(',').filter((segment) => segment !== '')
    let column = 0
    const starts: { column: number; source: string | null }[] = []
    for (const segment of segments) {
      const fields = decodeSegment(segment)
      column += fields[0] ?? 0
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0
        starts.push({ column, source: map.sources[sourceIndex] ?? null })
      } else {
        starts.push({ column, source: null })
      }
    }
    add(null, line.slice(0, starts[0]?.column ?? line.length))
    starts.forEach((start, index) => {
      add(start.source, line.slice(start.column, starts[index + 1]?.column ?? line.length))
    })
    // The newline belongs to whatever ended the line.
    if (lineIndex < lines.length - 1) add(starts.at(-1)?.source ?? null, '\n')
  })
  return pieces
}
