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

/**
 * The screens' chunk (src/app/render.tsx, imported by the entry once the handshake has started)
 * is preloaded by index.html with its CSS, so it downloads beside the entry instead of after it.
 */
function preloadScreens(): Plugin {
  let base = '/'
  return {
    name: 'preload-screens',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return
        const screens = Object.values(bundle).find(
          (output) =>
            output.type === 'chunk' &&
            chunk.dynamicImports.includes(output.fileName) &&
            output.facadeModuleId?.endsWith('/src/app/render.tsx'),
        )
        if (screens?.type !== 'chunk') return
        const href = (file: string) => `${base}${file}`
        return [
          ...[...(screens.viteMetadata?.importedCss ?? [])].map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: href(file) },
            injectTo: 'head' as const,
          })),
          ...[screens.fileName, ...screens.imports.filter((file) => file !== chunk.fileName)].map(
            (file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: href(file) },
              injectTo: 'head' as const,
            }),
          ),
        ]
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), bitrix24PostLaunch(), preloadScreens()],
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 4173, strictPort: true },
  // Every browser Bitrix24 supports (its desktop app's Chromium, the mobile apps' WebViews) knows
  // modulepreload; the polyfill would only add bytes to the first load.
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /src[\\/](bitrix24[\\/]rest|features[\\/]recent[\\/]api[\\/]list-query)/,
            },
          ],
        },
      },
    },
  },
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
