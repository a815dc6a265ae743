/**
 * Bitrix24's UI language codes (what getLang() returns) and the BCP 47 tags the browser needs.
 * Several portal codes are not BCP 47: `la` is Spanish, `br` Brazilian Portuguese, `ua` Ukrainian,
 * `kz` Kazakh, `sc`/`tc` Simplified/Traditional Chinese, `vn` Vietnamese, `in` Hindi.
 */
export const LOCALE_BY_PORTAL_LANGUAGE = {
  ru: 'ru',
  en: 'en',
  de: 'de',
  la: 'es',
  br: 'pt-BR',
  fr: 'fr',
  it: 'it',
  pl: 'pl',
  ua: 'uk',
  tr: 'tr',
  kz: 'kk',
  sc: 'zh-CN',
  tc: 'zh-TW',
  ja: 'ja',
  vn: 'vi',
  id: 'id',
  ms: 'ms',
  th: 'th',
  ar: 'ar',
  in: 'hi',
} as const

export type PortalLanguage = keyof typeof LOCALE_BY_PORTAL_LANGUAGE

const RTL_LANGUAGES: ReadonlySet<PortalLanguage> = new Set(['ar'])

export interface Language {
  portal: PortalLanguage
  /** BCP 47 tag for `lang`, Intl and the catalog. */
  locale: string
  dir: 'ltr' | 'rtl'
}

export function isPortalLanguage(code: string): code is PortalLanguage {
  return Object.hasOwn(LOCALE_BY_PORTAL_LANGUAGE, code)
}

/** An unknown code falls back to English rather than a blank screen. */
export function resolveLanguage(code: string): Language {
  const portal = isPortalLanguage(code) ? code : 'en'
  return {
    portal,
    locale: LOCALE_BY_PORTAL_LANGUAGE[portal],
    dir: RTL_LANGUAGES.has(portal) ? 'rtl' : 'ltr',
  }
}

/**
 * The language to start in, before getInitData answers: the launch URL's LANG (the portal puts it
 * there), else the browser's.
 */
export function launchLanguage(): PortalLanguage {
  const lang =
    new URLSearchParams(window.location.search).get('LANG') ?? navigator.language.slice(0, 2)
  return resolveLanguage(lang).portal
}
