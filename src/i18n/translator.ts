import type { Catalog, PluralKey, TextKey } from './catalog.ts'
import type { Language } from './languages.ts'

type Vars = Record<string, string | number>

export interface Translator extends Language {
  t(key: TextKey, vars?: Vars): string
  plural(key: PluralKey, count: number, vars?: Vars): string
  formatNumber(value: number): string
}

function fill(template: string, vars: Vars | undefined, numbers: Intl.NumberFormat): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? numbers.format(value) : value
  })
}

export function createTranslator(language: Language, catalog: Catalog): Translator {
  const pluralRules = new Intl.PluralRules(language.locale)
  // Made once per language: building an Intl formatter costs far more than using one, and rows
  // call these on every render.
  const numbers = new Intl.NumberFormat(language.locale)
  return {
    ...language,
    t: (key, vars) => fill(catalog[key], vars, numbers),
    plural: (key, count, vars) => {
      const forms = catalog[key]
      const form = forms[pluralRules.select(count)] ?? forms.other
      return fill(form, { count, ...vars }, numbers)
    },
    formatNumber: (value) => numbers.format(value),
  }
}
