import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { CspOrigins } from '../hosting/security-headers.ts'
import { brokenLinks, readTree, zipFiles, type ArchiveFiles } from './archive.ts'
import { metaContentSecurityPolicy, staticAppPages } from './csp-meta.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface PackageOptions {
  /** Where the ZIP goes. */
  outFile: string
  /** Whom the app may talk to; the same lists as `npm run serve`. */
  origins: CspOrigins
  /** Put the source maps into the archive as well. */
  sourcemap?: boolean
}

export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string
  }
  return version
}

/** The pages Bitrix24 opens, and what each of them must not miss once unpacked anywhere. */
function checkArchive(files: ArchiveFiles): void {
  for (const page of ['index.html', 'install.html']) {
    if (!files.has(page)) throw new Error(`the archive has no ${page} at its root`)
    const broken = brokenLinks(files, page)
    if (broken.length)
      throw new Error(`${page} links to what the archive lacks: ${broken.join(', ')}`)
  }
}

/**
 * Builds the app as a static Bitrix24 application (b24restdocs: local-integrations/static-local-app.md):
 * a ZIP with `index.html` at its root, `install.html` as the install wizard, every asset linked by a
 * relative path (`base: './'`), the CSP as a meta tag. Returns the archive's file list.
 */
export async function packageApp({ outFile, origins, sourcemap = false }: PackageOptions) {
  const outDir = mkdtempSync(join(tmpdir(), 'unread-static-'))
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      base: './',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap },
      plugins: [staticAppPages(metaContentSecurityPolicy(origins))],
    })
    const files = readTree(outDir)
    checkArchive(files)
    mkdirSync(dirname(outFile), { recursive: true })
    writeFileSync(outFile, zipFiles(files))
    return [...files.keys()].sort()
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
