import { createContext, use, useLayoutEffect, useMemo, type ReactNode } from 'react'
import { resolveLanguage } from './languages.ts'
import { loadCatalog } from './load-catalog.ts'
import { createTranslator, type Translator } from './translator.ts'

const I18nContext = createContext<Translator | null>(null)

/** Speaks the portal's language (getLang()) and marks the document with its lang and direction. */
export function I18nProvider({
  portalLang,
  children,
}: {
  portalLang: string
  children: ReactNode
}) {
  const language = useMemo(() => resolveLanguage(portalLang), [portalLang])
  const catalog = use(loadCatalog(language.portal))
  const translator = useMemo(() => createTranslator(language, catalog), [language, catalog])

  useLayoutEffect(() => {
    document.documentElement.lang = translator.locale
    document.documentElement.dir = translator.dir
  }, [translator])

  return <I18nContext value={translator}>{children}</I18nContext>
}

export function useI18n(): Translator {
  const translator = use(I18nContext)
  if (!translator) throw new Error('useI18n() must be used inside <I18nProvider>')
  return translator
}
