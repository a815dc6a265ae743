import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { measureBundle } from './bundle.ts'

/** Two chunks (and two stylesheets) that share most of their text, as chunks of one app do. */
const shared = Array.from({ length: 200 }, (_, index) => `export const item${index} = ${index};`)
const FILES: Record<string, string> = {
  'assets/index.js': `import './render.js';\n${shared.join('\n')}\nconsole.log('entry')`,
  'assets/render.js': `${shared.join('\n')}\nconsole.log('screens')`,
  'assets/index.css': `${shared.map((_, index) => `.row-${index}{color:red}`).join('\n')}`,
  'assets/render.css': `${shared.map((_, index) => `.row-${index}{color:red}`).join('\n')}\n.x{}`,
}
const MANIFEST = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['render.tsx'],
    css: ['assets/index.css'],
  },
  'render.tsx': { file: 'assets/render.js', css: ['assets/render.css'] },
}

const gzip = (text: string) => gzipSync(text).length
const dirs: string[] = []

async function fixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bundle-test-'))
  dirs.push(dir)
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  await write('.vite/manifest.json', JSON.stringify(MANIFEST))
  await write('index.html', '<script type="module" src="/assets/index.js"></script>')
  for (const [path, text] of Object.entries(FILES)) {
    await write(path, text)
    if (path.endsWith('.js'))
      await write(`${path}.map`, JSON.stringify({ sources: [], mappings: '' }))
  }
  return dir
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('the initial bundle, as served', () => {
  it('sums each initial file gzipped on its own, not the gzip of the files run together', async () => {
    const bundle = await measureBundle(await fixture())
    const js = [FILES['assets/index.js']!, FILES['assets/render.js']!]
    const css = [FILES['assets/index.css']!, FILES['assets/render.css']!]
    expect(bundle.js.gzip).toBe(gzip(js[0]!) + gzip(js[1]!))
    expect(bundle.css.gzip).toBe(gzip(css[0]!) + gzip(css[1]!))
    // The files share their text: one stream over both would be much smaller than the two.
    expect(bundle.js.gzip).toBeGreaterThan(gzip(js.join('')) * 1.5)
    expect(bundle.js.raw).toBe(Buffer.byteLength(js.join('')))
    expect(bundle.initialFiles).toEqual([
      'assets/index.js',
      'assets/render.js',
      'assets/index.css',
      'assets/render.css',
    ])
  })
})
