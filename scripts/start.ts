// `npm start`: the app's Vite dev server inside the local Bitrix24 portal, on two origins
// (app on localhost:5173, portal on 127.0.0.1:4602) so postMessage and CORS cross origins as in production.
// `npm start -- --static [FILE.zip]`: the packaged static app instead, hosted by the portal as
// Bitrix24 hosts an uploaded archive; without a file, the app is packaged for the local portal first.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServer, type ViteDevServer } from 'vite'
import { packageApp } from './packaging/package-app.ts'

const APP_PORT = Number(process.env.APP_PORT ?? 5173)
const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 4602)
const staticFlag = process.argv.indexOf('--static')

/** The archive to run: the one named, or a fresh package whose policy lets it talk to this portal. */
async function staticArchive(): Promise<string> {
  const named = process.argv[staticFlag + 1]
  if (named && !named.startsWith('-')) return resolve(named)
  const portalOrigin = `http://127.0.0.1:${PORTAL_PORT}`
  const outFile = join(mkdtempSync(join(tmpdir(), 'unread-start-')), 'unread-marks.zip')
  await packageApp({
    outFile,
    origins: {
      portalOrigins: [portalOrigin],
      cdnOrigins: ['https://cdn.com.bitrix24.com'],
      frameAncestors: [portalOrigin],
    },
  })
  return outFile
}

let vite: ViteDevServer | undefined
const appEnv =
  staticFlag >= 0
    ? { PORTAL_STATIC_APP: await staticArchive() }
    : { APP_URL: `http://localhost:${APP_PORT}/` }
if (staticFlag < 0) {
  vite = await createServer({ server: { port: APP_PORT }, logLevel: 'warn' })
  await vite.listen()
}

// The portal prints the one URL to open.
const portal = spawn(process.execPath, ['--import', 'tsx', 'scripts/portal/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORTAL_PORT: String(PORTAL_PORT), ...appEnv },
})

let stopping = false
async function stop(code: number) {
  if (stopping) return
  stopping = true
  portal.kill('SIGTERM')
  await vite?.close()
  process.exit(code)
}
portal.on('exit', (code) => void stop(code ?? 0))
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
