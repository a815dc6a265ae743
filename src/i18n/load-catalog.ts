import type { Catalog } from './catalog.ts'
import type { PortalLanguage } from './languages.ts'
import { settled, trackSettled } from '../lib/settled-promise.ts'
import en from './messages/en.ts'

// English ships in the main bundle as the fallback; every other language is its own chunk.
const lazyCatalogs = import.meta.glob<{ default: Catalog }>([
  './messages/*.ts',
  '!./messages/en.ts',
])

const cache = new Map<PortalLanguage, Promise<Catalog>>([['en', settled<Catalog>(en)]])

export function loadCatalog(lang: PortalLanguage): Promise<Catalog> {
  let pending = cache.get(lang)
  if (!pending) {
    const load = lazyCatalogs[`./messages/${lang}.ts`]
    pending = load ? trackSettled(load().then((module) => module.default)) : settled<Catalog>(en)
    cache.set(lang, pending)
  }
  return pending
}
