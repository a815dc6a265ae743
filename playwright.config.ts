import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './scripts/find-browser.ts'

// The end-to-end suite runs the production build, hosted by the same code as `npm run serve`,
// inside the local portal (test mode: control API on, loopback only). Two origins, as in production.
export const PORTAL_URL = 'http://127.0.0.1:4612'
export const APP_URL = 'http://localhost:4613/'

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
      env: { PORTAL_PORT: '4612', PORTAL_TEST: '1', APP_URL },
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: 'tsx scripts/serve.ts',
      url: 'http://127.0.0.1:4613/',
      env: { PORT: '4613', HOST: '127.0.0.1' },
      reuseExistingServer: false,
    },
  ],
})
