// `npm start`: the app's Vite dev server inside the local Bitrix24 portal, on two origins
// (app on localhost:5173, portal on 127.0.0.1:4602) so postMessage and CORS cross origins as in production.
import { spawn } from 'node:child_process'
import { createServer } from 'vite'

const APP_PORT = Number(process.env.APP_PORT ?? 5173)
const appUrl = `http://localhost:${APP_PORT}/`

const vite = await createServer({ server: { port: APP_PORT }, logLevel: 'warn' })
await vite.listen()

// The portal prints the one URL to open.
const portal = spawn(process.execPath, ['--import', 'tsx', 'scripts/portal/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, APP_URL: appUrl },
})

let stopping = false
async function stop(code: number) {
  if (stopping) return
  stopping = true
  portal.kill('SIGTERM')
  await vite.close()
  process.exit(code)
}
portal.on('exit', (code) => void stop(code ?? 0))
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
