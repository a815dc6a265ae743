/**
 * The production server's security headers, the Content-Security-Policy above all.
 *
 * The app learns its portal only at run time (from `window.name` and getInitData), so the CSP
 * cannot name one portal: it lists the portals this deployment serves. The defaults cover the
 * Bitrix24 cloud (every `*.bitrix24.<zone>`); a self-hosted ("box") portal, or a tighter
 * deployment, sets the three lists through the environment:
 *
 * - `PORTAL_ORIGINS`  — where REST calls go (connect-src) and avatars may come from (img-src);
 * - `CDN_ORIGINS`     — extra image hosts (the portal's CDN);
 * - `FRAME_ANCESTORS` — who may embed the app (frame-ancestors); defaults to PORTAL_ORIGINS.
 *
 * Each is a list of CSP host sources separated by spaces or commas, e.g.
 * `https://acme.bitrix24.com https://*.bitrix24.de`. CSP wildcards only work in the leftmost
 * label (`https://*.bitrix24.com`), never in the zone (`https://*.bitrix24.*` is invalid), so the
 * cloud zones are listed one by one.
 */

/** The zones of the Bitrix24 cloud (`https://<portal>.bitrix24.<zone>`). */
export const BITRIX24_CLOUD_ZONES = [
  'com',
  'ru',
  'de',
  'eu',
  'es',
  'fr',
  'it',
  'pl',
  'uk',
  'in',
  'jp',
  'cn',
  'com.br',
  'com.tr',
  'id',
  'vn',
  'kz',
  'by',
  'ua',
] as const

export const DEFAULT_PORTAL_ORIGINS: readonly string[] = BITRIX24_CLOUD_ZONES.map(
  (zone) => `https://*.bitrix24.${zone}`,
)

/** Avatars of cloud portals are served from this CDN (also covered by `*.bitrix24.com`). */
export const DEFAULT_CDN_ORIGINS: readonly string[] = ['https://cdn.com.bitrix24.com']

export interface CspOrigins {
  portalOrigins: readonly string[]
  cdnOrigins: readonly string[]
  frameAncestors: readonly string[]
}

// scheme://host[:port] with an optional leading `*.` label; no path, quotes, `;` or `,`.
const HOST_SOURCE =
  /^https?:\/\/(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\d{1,5}|\*))?$/i

/** Splits and validates one env list; throws on anything that is not a plain host source. */
export function parseOriginList(name: string, value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const sources = value
    .split(/[\s,]+/)
    .map((source) => source.trim().replace(/\/$/, ''))
    .filter(Boolean)
  for (const source of sources) {
    if (!HOST_SOURCE.test(source)) {
      throw new Error(
        `${name}: "${source}" is not a CSP host source like https://acme.bitrix24.com or https://*.bitrix24.com`,
      )
    }
  }
  return [...new Set(sources)]
}

/** The lists from the environment, with the Bitrix24 cloud as the default. */
export function cspOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): CspOrigins {
  const portalOrigins = parseOriginList('PORTAL_ORIGINS', env.PORTAL_ORIGINS) ?? [
    ...DEFAULT_PORTAL_ORIGINS,
  ]
  const cdnOrigins = parseOriginList('CDN_ORIGINS', env.CDN_ORIGINS) ?? [...DEFAULT_CDN_ORIGINS]
  const frameAncestors = parseOriginList('FRAME_ANCESTORS', env.FRAME_ANCESTORS) ?? portalOrigins
  return { portalOrigins, cdnOrigins, frameAncestors }
}

/**
 * The policy: nothing by default; scripts, styles and fonts only from the app's own files (no
 * inline script, no eval); REST only to the portals; images only from the app, the portals and
 * their CDN; no plugins, no <base>, no form posts, no framing except by the portals; DOM sinks
 * that take HTML strings (innerHTML…) refused outright through Trusted Types.
 */
export function contentSecurityPolicy({
  portalOrigins,
  cdnOrigins,
  frameAncestors,
}: CspOrigins): string {
  const list = (...groups: (readonly string[])[]) => [...new Set(groups.flat())].join(' ')
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${list(["'self'"], portalOrigins, cdnOrigins)}`,
    "font-src 'self'",
    `connect-src ${list(portalOrigins)}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${list(frameAncestors)}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ')
}

/** Every header the server sends on every answer. */
export function securityHeaders(origins: CspOrigins): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
  }
}
