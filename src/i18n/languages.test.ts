import { describe, expect, it } from 'vitest'
import { resolveLanguage } from './languages.ts'

describe('resolveLanguage', () => {
  it('maps portal codes that are not BCP 47', () => {
    expect(resolveLanguage('br').locale).toBe('pt-BR')
    expect(resolveLanguage('la').locale).toBe('es')
    expect(resolveLanguage('ua').locale).toBe('uk')
    expect(resolveLanguage('in').locale).toBe('hi')
  })
  it('sets right-to-left for Arabic only', () => {
    expect(resolveLanguage('ar').dir).toBe('rtl')
    expect(resolveLanguage('ru').dir).toBe('ltr')
  })
  it('falls back to English for an unknown code', () => {
    expect(resolveLanguage('xx')).toEqual({ portal: 'en', locale: 'en', dir: 'ltr' })
  })
})
