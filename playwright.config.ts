import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './scripts/find-browser.ts'

// The end-to-end suite runs the production build, hosted by the same code as `npm run serve`,
// inside the local portal (test mode: control API on, loopback only). Two origins, as in production.
// E2E_PORT moves both servers (portal on it, app on the next port), so two runs can share a machine.
const PORTAL_PORT = Number(process.env.E2E_PORT ?? 4612)
const APP_PORT = PORTAL_PORT + 1
export const PORTAL_URL = `http://127.0.0.1:${PORTAL_PORT}`
export const APP_URL = `http://localhost:${APP_PORT}/`

const browser = findChromium()

export default defineConfig({
  testDir: 'e2e',
  // One portal holds the state every test resets and reads; tests must not interleave on it.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: PORTAL_URL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: 'tsx scripts/portal/main.ts',
      url: `${PORTAL_URL}/`,
      env: { PORTAL_PORT: String(PORTAL_PORT), PORTAL_TEST: '1', APP_URL },
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: 'tsx scripts/serve.ts',
      url: `http://127.0.0.1:${APP_PORT}/`,
      // The production CSP, pointed at the local portal (its REST, avatars and embedding) and the
      // demo data's avatar CDN; e2e/security.spec.ts counts the violations (there must be none).
      env: {
        PORT: String(APP_PORT),
        HOST: '127.0.0.1',
        PORTAL_ORIGINS: PORTAL_URL,
        CDN_ORIGINS: 'https://cdn.com.bitrix24.com',
        FRAME_ANCESTORS: PORTAL_URL,
      },
      reuseExistingServer: false,
    },
  ],
})
