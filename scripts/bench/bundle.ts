import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { attributeCode, type RawSourceMap } from './sourcemap.ts'

/**
 * Builds the production app (the project's own vite.config.ts, plus hidden source maps and a
 * manifest) into a scratch directory, then says what the first load costs: the entry chunk and
 * every chunk it imports statically (dynamic imports load on demand and are listed apart),
 * raw and gzip, split by npm package through the source maps. Sizes are as served: the browser
 * downloads each file on its own, compressed on its own, so a total is the sum of each file's
 * gzip size, never the gzip of the files run together (which would share one dictionary).
 */

export interface Size {
  raw: number
  gzip: number
}

export interface BundleReport {
  /** Initial JS: entry + static imports, each file gzipped on its own, summed. */
  js: Size
  /** The initial chunks' CSS, each file gzipped on its own, summed. */
  css: Size
  /** Per package ("app" = src/), minified bytes the source maps attribute to it. */
  packages: ({ name: string } & Size)[]
  initialFiles: string[]
  lazyFiles: ({ file: string } & Size)[]
}

/** A chunk of the build's manifest (`build.manifest`), keyed by its source. */
export interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

const gzip = (text: string | Buffer) => gzipSync(text).length
const size = (text: string): Size => ({ raw: Buffer.byteLength(text), gzip: gzip(text) })

/** What `texts` cost as served: one download, one gzip stream per file. */
const served = (texts: readonly string[]): Size =>
  texts.map(size).reduce((sum, one) => ({ raw: sum.raw + one.raw, gzip: sum.gzip + one.gzip }), {
    raw: 0,
    gzip: 0,
  })

/** `…/node_modules/@scope/name/…` → `@scope/name`; the project's sources → `app`. */
export function packageOf(source: string | null): string {
  if (source === null) return '(bundler glue)'
  const at = source.lastIndexOf('node_modules/')
  if (at >= 0) {
    const [first = '', second = ''] = source.slice(at + 'node_modules/'.length).split('/')
    return first.startsWith('@') ? `${first}/${second}` : first
  }
  if (/(^|\/)src\//.test(source)) return 'app'
  if (source.includes('vite') || source.startsWith('\0')) return '(vite runtime)'
  return source
}

export async function buildApp(root: string, outDir: string): Promise<void> {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    // The bench reports sizes itself; Vite's chunk-size advice would only be noise here.
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden', manifest: true },
  })
}

/**
 * What index.html makes the browser load at once: the entry's chunk, the chunks index.html
 * preloads (the screens), and transitively every chunk those import statically.
 */
function initialChunks(manifest: Record<string, ManifestChunk>, html: string): ManifestChunk[] {
  const preloaded = new Set(
    [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/?([^"]+)"/g)].map((match) => match[1]),
  )
  const entries = Object.keys(manifest).filter(
    (key) => manifest[key]?.isEntry || preloaded.has(manifest[key]?.file),
  )
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return
    seen.add(key)
    for (const next of manifest[key].imports ?? []) visit(next)
  }
  entries.forEach(visit)
  return [...seen].flatMap((key) => manifest[key] ?? [])
}

export async function readManifest(outDir: string): Promise<Record<string, ManifestChunk>> {
  return JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >
}

export async function measureBundle(outDir: string): Promise<BundleReport> {
  const manifest = await readManifest(outDir)
  const initial = initialChunks(manifest, await readFile(join(outDir, 'index.html'), 'utf8'))
  const initialFiles = initial.map((chunk) => chunk.file)
  const byPackage = new Map<string, string[]>()
  const jsTexts: string[] = []
  for (const file of initialFiles) {
    const code = await readFile(join(outDir, file), 'utf8')
    jsTexts.push(code)
    const map = JSON.parse(await readFile(join(outDir, `${file}.map`), 'utf8')) as RawSourceMap
    // Source paths in the map are relative to the chunk's directory.
    const base = resolve(outDir, file, '..')
    for (const [source, pieces] of attributeCode(code, map)) {
      const name = packageOf(source === null ? null : resolve(base, source))
      byPackage.set(name, [...(byPackage.get(name) ?? []), ...pieces])
    }
  }
  const cssFiles = [...new Set(initial.flatMap((chunk) => chunk.css ?? []))]
  const cssTexts = await Promise.all(cssFiles.map((file) => readFile(join(outDir, file), 'utf8')))

  const lazyKeys = new Set(initial.flatMap((chunk) => chunk.dynamicImports ?? []))
  const lazyFiles: BundleReport['lazyFiles'] = []
  for (const key of lazyKeys) {
    const file = manifest[key]?.file
    if (file && !initialFiles.includes(file))
      lazyFiles.push({ file, ...size(await readFile(join(outDir, file), 'utf8')) })
  }

  // Each package's code is gzipped on its own: a breakdown of where the bytes come from. The
  // parts do not add up to the files as served (a package can span files, a file packages).
  const packages = [...byPackage]
    .map(([name, pieces]) => ({ name, ...size(pieces.join('')) }))
    .sort((a, b) => b.gzip - a.gzip)
  return {
    js: served(jsTexts),
    css: served(cssTexts),
    packages,
    initialFiles: [...initialFiles, ...cssFiles],
    lazyFiles,
  }
}
