import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { readManifest } from '../bundle.ts'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

/**
 * Builds the stack floor page for production into `outDir`, and has its index.html preload the
 * rows' chunk beside the entry, as the app's index.html preloads its screens.
 */
export async function buildStackFloor(outDir: string): Promise<void> {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
    },
  })
  const manifest = await readManifest(outDir)
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)
  const rows = entry?.dynamicImports?.map((key) => manifest[key]?.file)
  if (!rows?.length || rows.some((file) => !file))
    throw new Error('the stack floor has no rows chunk')
  const links = rows.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
  const page = join(outDir, 'index.html')
  const html = await readFile(page, 'utf8')
  await writeFile(page, html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`))
}
