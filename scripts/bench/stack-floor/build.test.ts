import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readManifest, type ManifestChunk } from '../bundle.ts'
import { buildStackFloor } from './build.ts'

// React 19 marks its elements with this symbol: where it is, React's code is.
const REACT = 'react.transitional.element'

describe('the stack floor page loads the way the app does', () => {
  let dir = ''
  let html = ''
  let manifest: Record<string, ManifestChunk> = {}
  /** The code of `key`'s chunk and of every chunk it imports statically. */
  const codeOf = async (key: string, seen = new Set<string>()): Promise<string> => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key)) return ''
    seen.add(key)
    const own = await readFile(join(dir, chunk.file), 'utf8')
    const imported = await Promise.all((chunk.imports ?? []).map((next) => codeOf(next, seen)))
    return [own, ...imported].join('\n')
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stack-floor-'))
    await buildStackFloor(dir)
    html = await readFile(join(dir, 'index.html'), 'utf8')
    manifest = await readManifest(dir)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('starts from an entry that brings the SDK and not React', async () => {
    const entry = await codeOf('index.html')
    // Booleans: a failure would print the whole bundle otherwise.
    expect(entry.includes('getInitData'), 'the SDK’s handshake').toBe(true)
    expect(entry.includes(REACT), 'React').toBe(false)
  })

  it('preloads the rows’ chunk, which brings React, beside the entry', async () => {
    const rows = manifest['rows.ts']?.file
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/${rows}">`)
    expect((await codeOf('rows.ts')).includes(REACT), 'React').toBe(true)
  })
})
