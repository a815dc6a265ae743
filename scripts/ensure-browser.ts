// Makes sure the end-to-end tests have a Chromium: Playwright's own, the system one, or a fresh
// install (Playwright's download, then Debian's package when running as root).
import { spawnSync } from 'node:child_process'
import { findChromium } from './find-browser.ts'

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0
}

if (!findChromium()) {
  console.log('No Chromium found; installing one for the end-to-end tests…')
  const installed =
    run('npx', ['playwright', 'install', 'chromium']) ||
    (process.getuid?.() === 0 &&
      run('apt-get', ['update']) &&
      run('apt-get', ['install', '-y', 'chromium']))
  if (!installed || !findChromium()) {
    console.error(
      'No browser for the end-to-end tests: run `npx playwright install chromium` or `sudo apt-get install chromium`, then `npm test` again.',
    )
    process.exit(1)
  }
}
