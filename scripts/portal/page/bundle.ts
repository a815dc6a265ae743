import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/**
 * Bundles page/main.ts (and the shared frame-protocol.ts) for the browser once per process;
 * every portal instance (tests start many) reuses the result.
 */
let cached: Promise<string> | undefined

export function pageScript(): Promise<string> {
  cached ??= build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'inline',
    logLevel: 'silent',
  }).then(
    (result) => {
      const file = result.outputFiles[0]
      if (!file) throw new Error('esbuild produced no output for the portal page')
      return file.text
    },
    (error: unknown) => {
      cached = undefined
      throw error
    },
  )
  return cached
}
