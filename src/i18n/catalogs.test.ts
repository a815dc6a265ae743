import { describe, expect, it } from 'vitest'
import type { Catalog, PluralForms } from './catalog.ts'
import { LOCALE_BY_PORTAL_LANGUAGE, isPortalLanguage, type PortalLanguage } from './languages.ts'
import en from './messages/en.ts'

// Every language file, loaded the way the app names them: ./messages/<portal code>.ts.
const modules = import.meta.glob<{ default: Catalog }>('./messages/*.ts', { eager: true })
const catalogs = Object.entries(modules).map(([path, module]) => {
  const code = /\/(\w+)\.ts$/.exec(path)?.[1] ?? path
  return { code, catalog: module.default }
})
const translated = catalogs.filter(({ code }) => code !== 'en')

type Key = keyof typeof en
const keys = Object.keys(en) as Key[]
const pluralKeys = keys.filter((key) => typeof en[key] !== 'string')

/**
 * Long English strings that are right to keep unchanged in some language (key → portal codes).
 * Empty today; add an entry only with a reason, never to silence an untranslated copy.
 */
const SAME_AS_ENGLISH: Partial<Record<Key, readonly PortalLanguage[]>> = {}
const LONG = 25

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort()
}

function englishPlaceholders(key: Key): string[] {
  const value = en[key]
  return placeholders(typeof value === 'string' ? value : Object.values(value).join(' '))
}

/** A category that only one integer selects (ar `zero`/`one`/`two`) may spell the number out. */
function namesOneNumber(rules: Intl.PluralRules, category: string): boolean {
  let matches = 0
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) matches++
  return matches === 1
}

function localeOf(code: string): string {
  if (!isPortalLanguage(code)) throw new Error(`messages/${code}.ts is not a portal language`)
  return LOCALE_BY_PORTAL_LANGUAGE[code]
}

describe('language catalogs', () => {
  it('exist for every Bitrix24 UI language, named by portal code', () => {
    expect(catalogs.map(({ code }) => code).sort()).toEqual(
      Object.keys(LOCALE_BY_PORTAL_LANGUAGE).sort(),
    )
  })

  describe.each(translated)('$code', ({ code, catalog }) => {
    const locale = localeOf(code)
    const rules = new Intl.PluralRules(locale)
    const categories = rules.resolvedOptions().pluralCategories

    it('has exactly the keys of English, none empty', () => {
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort())
      for (const key of keys) {
        const value = catalog[key]
        const texts = typeof value === 'string' ? [value] : Object.values(value)
        for (const text of texts) expect(text.trim(), `${code}.${key}`).not.toBe('')
      }
    })

    it('keeps the placeholders of every English string', () => {
      for (const key of keys) {
        const value = catalog[key]
        if (typeof value === 'string') {
          expect(placeholders(value), `${code}.${key}`).toEqual(englishPlaceholders(key))
        }
      }
    })

    it(`has the plural forms ${locale} needs (${categories.join(', ')})`, () => {
      for (const key of pluralKeys) {
        const forms = catalog[key] as PluralForms
        expect(Object.keys(forms).sort(), `${code}.${key}`).toEqual([...categories].sort())
        const expected = englishPlaceholders(key)
        for (const [category, text] of Object.entries(forms)) {
          const needed = namesOneNumber(rules, category)
            ? expected.filter((name) => name !== 'count')
            : expected
          const found = placeholders(text)
          expect(found, `${code}.${key}.${category}`).toEqual(expect.arrayContaining(needed))
          expect(expected, `${code}.${key}.${category}`).toEqual(expect.arrayContaining(found))
        }
      }
    })

    it('translates every long sentence instead of copying the English', () => {
      const copies = keys.filter((key) => {
        const value = en[key]
        return (
          typeof value === 'string' &&
          value.length > LONG &&
          catalog[key] === value &&
          !SAME_AS_ENGLISH[key]?.includes(code as PortalLanguage)
        )
      })
      expect(copies).toEqual([])
    })

    it('uses typographic quotes and apostrophes, not ASCII ones', () => {
      for (const key of keys) {
        const value = catalog[key]
        const texts = typeof value === 'string' ? [value] : Object.values(value)
        for (const text of texts) expect(text, `${code}.${key}`).not.toMatch(/["']/)
      }
    })
  })
})
