import { useI18n } from '../../../i18n/i18n-context.tsx'

const SHORTCUTS = [
  ['↑ ↓ / j k', 'keyMove'],
  ['Space / x', 'keySelect'],
  ['Shift + Space', 'keySelectRange'],
  ['u', 'keyToggle'],
  ['Enter', 'keyOpen'],
  ['/', 'keySearch'],
  ['Esc', 'keyClear'],
  ['?', 'keyHelp'],
] as const

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n()
  if (!open) return null
  return (
    <div className="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" className="shortcuts__title">
        {t('shortcutsTitle')}
      </h2>
      <dl className="shortcuts__list">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label} className="shortcuts__item">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
        {t('close')}
      </button>
    </div>
  )
}
