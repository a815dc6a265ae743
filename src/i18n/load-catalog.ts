import type { Catalog } from './catalog.ts'
import type { PortalLanguage } from './languages.ts'
import { trackSettled } from '../lib/settled-promise.ts'

// Every language is its own chunk, English too: a portal's users need one, and the first screen
// is painted without the others. The launch asks for it before the handshake (app/start.ts).
const catalogs = import.meta.glob<{ default: Catalog }>('./messages/*.ts')

const cache = new Map<PortalLanguage, Promise<Catalog>>()

export function loadCatalog(lang: PortalLanguage): Promise<Catalog> {
  let pending = cache.get(lang)
  if (!pending) {
    const load = catalogs[`./messages/${lang}.ts`] ?? catalogs['./messages/en.ts']
    if (!load) throw new Error('the English catalog is missing from the build')
    pending = trackSettled(load().then((module) => module.default))
    cache.set(lang, pending)
  }
  return pending
}
