import type { Ref } from 'react'
import { useI18n } from '../../../i18n/i18n-context.tsx'

export function SearchBox({
  value,
  onChange,
  inputRef,
  open,
}: {
  value: string
  onChange(value: string): void
  inputRef: Ref<HTMLInputElement>
  /** Unfolded on a narrow screen (a wide one always shows the field). */
  open: boolean
}) {
  const { t } = useI18n()
  return (
    <div className={`search-box${open ? ' search-box--open' : ''}`} role="search">
      <label className="visually-hidden" htmlFor="recent-search">
        {t('searchLabel')}
      </label>
      <input
        ref={inputRef}
        id="recent-search"
        type="search"
        className="search-box__input"
        placeholder={t('searchPlaceholder')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  )
}
