import { useI18n } from '../../../i18n/i18n-context.tsx'
import { RecentList } from './RecentList.tsx'
import './recent.css'

export function RecentScreen() {
  const { t } = useI18n()
  return (
    <main className="recent-screen">
      <header className="app-header">
        <h1 className="app-header__title">{t('recentHeading')}</h1>
      </header>
      <RecentList />
    </main>
  )
}
