import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { hostStaticApp, type StaticAppHost } from './static-apps.ts'

// The rules come from b24restdocs local-integrations/static-local-app.md (index.html at the
// archive's root, assets by relative paths, install.html as the wizard) and
// settings/app-installation/local-apps/installation-master.md (no install.html: index.html at once).

const archive = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])))

let host: StaticAppHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

describe('a static local application in the local portal', () => {
  it('is unpacked under a path of its own, not at the origin root', async () => {
    host = await hostStaticApp({
      archive: archive({ 'index.html': '<p>app</p>', 'install.html': '<p>setup</p>' }),
    })
    const index = new URL(host.indexUrl)
    expect(index.pathname).toMatch(/^\/local-apps\/[^/]+\/index\.html$/)
    expect(host.installUrl).toBe(host.indexUrl.replace(/index\.html$/, 'install.html'))
  })

  it('opens index.html for setup when the archive has no install.html', async () => {
    host = await hostStaticApp({ archive: archive({ 'index.html': '<p>app</p>' }) })
    expect(host.installUrl).toBe(host.indexUrl)
  })

  it('refuses an archive without index.html at its root', async () => {
    await expect(
      hostStaticApp({ archive: archive({ 'app/index.html': '<p>nested</p>' }) }),
    ).rejects.toThrow(/index\.html/)
  })

  it('serves the files by relative path, for GET and for the POST launch', async () => {
    host = await hostStaticApp({
      archive: archive({ 'index.html': '<p>app</p>', 'assets/app.js': 'export {}' }),
    })
    const asset = await fetch(new URL('assets/app.js', host.indexUrl))
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/)
    const launch = await fetch(`${host.indexUrl}?DOMAIN=portal&APP_SID=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'AUTH_ID=secret&PLACEMENT=DEFAULT',
    })
    expect(launch.status).toBe(200)
    expect(launch.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await launch.text()).toBe('<p>app</p>')
    expect(host.misses).toEqual([])
  })

  it('answers 404 for what the archive lacks, or what lies outside its path, and counts it', async () => {
    host = await hostStaticApp({ archive: archive({ 'index.html': '<p>app</p>' }) })
    const origin = new URL(host.indexUrl).origin
    expect((await fetch(new URL('assets/missing.js', host.indexUrl))).status).toBe(404)
    expect((await fetch(`${origin}/index.html`)).status).toBe(404)
    expect(host.misses).toHaveLength(2)
  })
})
