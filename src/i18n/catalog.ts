import type en from './messages/en.ts'

/** Plural variants keyed by Intl.PluralRules categories; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

type Source = typeof en
export type TextKey = { [K in keyof Source]: Source[K] extends string ? K : never }[keyof Source]
export type PluralKey = Exclude<keyof Source, TextKey>

/** What every language file must export: the same keys as English, so a missing one fails tsc. */
export type Catalog = { [K in TextKey]: string } & { [K in PluralKey]: PluralForms }
