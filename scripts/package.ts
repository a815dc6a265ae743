// `npm run package`: the app as a static Bitrix24 application, release/unread-marks-<version>.zip,
// for portals that host it themselves (no server of your own). `--sourcemap` adds the source maps.
// PORTAL_ORIGINS / CDN_ORIGINS set the policy's portals as for `npm run serve`.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cspOriginsFromEnv } from './hosting/security-headers.ts'
import { packageApp, packageVersion } from './packaging/package-app.ts'

const outFile = fileURLToPath(
  new URL(`../release/unread-marks-${packageVersion()}.zip`, import.meta.url),
)

try {
  const files = await packageApp({
    outFile,
    origins: cspOriginsFromEnv(),
    sourcemap: process.argv.includes('--sourcemap'),
  })
  console.log(`${relative(process.cwd(), outFile)}: ${files.length} files`)
  for (const file of files) console.log(`  ${file}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
