import { describe, expect, it } from 'vitest'
import en from './messages/en.ts'
import ru from './messages/ru.ts'
import { resolveLanguage } from './languages.ts'
import { createTranslator } from './translator.ts'

describe('translator', () => {
  it('fills placeholders', () => {
    const { t } = createTranslator(resolveLanguage('en'), en)
    expect(t('markUnreadFor', { title: 'Anna Petrova' })).toBe('Mark as unread: Anna Petrova')
  })
  it('chooses the plural form by the language rules', () => {
    const { plural } = createTranslator(resolveLanguage('ru'), ru)
    expect(plural('unreadCount', 1)).toBe('1 непрочитанное сообщение')
    expect(plural('unreadCount', 3)).toBe('3 непрочитанных сообщения')
    expect(plural('unreadCount', 5)).toBe('5 непрочитанных сообщений')
  })
  it('formats numbers for the locale', () => {
    const { plural } = createTranslator(resolveLanguage('de'), en)
    expect(plural('unreadCount', 1200)).toBe('1.200 unread messages')
  })
})
