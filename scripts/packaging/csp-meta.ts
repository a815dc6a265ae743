import type { Plugin } from 'vite'
import { contentSecurityPolicy, type CspOrigins } from '../hosting/security-headers.ts'

/**
 * A static app uploaded to Bitrix24 is served by the portal's own hosting: the app cannot send
 * headers, so its Content-Security-Policy travels as a `<meta http-equiv>` tag. It is the very
 * policy `npm run serve` sends, less the directives a meta tag cannot carry (CSP3 §3.3: the browser
 * ignores them there and says so in the console): `frame-ancestors`, `report-uri`, `sandbox`.
 */
const NOT_IN_META = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox'])

export function metaContentSecurityPolicy(origins: CspOrigins): string {
  return contentSecurityPolicy(origins)
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => !NOT_IN_META.has(directive.split(/\s+/)[0] ?? ''))
    .join('; ')
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * The pages of the static app: the policy goes right after `<meta charset>`, before anything it
 * governs (a meta policy applies only to what is parsed after it), and `install.html` — the page
 * Bitrix24 opens as the install wizard — is the same page as `index.html`: the app shows its install
 * screen when the portal launches it in install mode.
 */
export function staticAppPages(policy: string): Plugin {
  return {
    name: 'bitrix24-static-app-pages',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i
        if (!charset.test(html)) throw new Error('index.html has no <meta charset> to follow')
        return html.replace(
          charset,
          (tag) =>
            `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`,
        )
      },
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      if (index?.type !== 'asset') throw new Error('the build made no index.html')
      this.emitFile({ type: 'asset', fileName: 'install.html', source: index.source })
    },
  }
}
