import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { acceptPostLaunch } from './scripts/hosting/post-launch.ts'

/** Bitrix24 launches the app with a POST; let both Vite servers answer it with the page. */
function bitrix24PostLaunch(): Plugin {
  return {
    name: 'bitrix24-post-launch',
    configureServer(server) {
      server.middlewares.use(acceptPostLaunch)
    },
    configurePreviewServer(server) {
      server.middlewares.use(acceptPostLaunch)
    },
  }
}

export default defineConfig({
  plugins: [react(), bitrix24PostLaunch()],
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 4173, strictPort: true },
  build: { target: 'es2022' },
  test: {
    // A test's time limit only catches work that never ends; on a busy shared machine a normal
    // component test can take seconds, so the limit sits far above that.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'node',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000, // not extended from the root
        },
      },
    ],
  },
})
