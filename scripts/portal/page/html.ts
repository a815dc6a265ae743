import { PLACEMENTS, UI_LANGUAGES } from '../frame-protocol.ts'
import { PORTAL_USERS, fullName } from '../data/users.ts'

/**
 * The portal page (GET /): a portal-looking shell with the app's iframe, the controls for
 * language / placement / install mode / user, and the live request log. The behaviour lives
 * in page/main.ts (bundled with esbuild); this file only renders the markup and the config.
 *
 * Element ids the e2e tests rely on: #app-frame (created by the script), #app-title,
 * #opened-dialog, #request-log, #lang-select, #placement-select, #install-select,
 * #user-select, #reload-app, #app-container, #im-rail, #im-nav-item (the app's IM_NAVIGATION
 * item: shown once the app is installed and bound it, titled by the binding).
 */

export interface PageConfig {
  appUrl: string
  appOrigin: string
  lang: string
  placement: string
  install: boolean
  userId: number
  users: { id: number; name: string; isAdmin: boolean }[]
  languages: readonly string[]
  placements: readonly string[]
}

const LANGUAGE_NAMES: Record<string, string> = {
  ru: 'Русский',
  en: 'English',
  de: 'Deutsch',
  la: 'Español',
  br: 'Português (Brasil)',
  fr: 'Français',
  it: 'Italiano',
  pl: 'Polski',
  ua: 'Українська',
  tr: 'Türkçe',
  kz: 'Қазақша',
  sc: '中文(简体)',
  tc: '中文(繁體)',
  ja: '日本語',
  vn: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  th: 'ไทย',
  ar: 'العربية',
  in: 'हिन्दी',
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** JSON inside <script type="application/json">: `<` escaped so `</script>` cannot end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Reads `?lang=en&placement=DEFAULT&install=N&user=1`, falling back to the defaults. */
export function pageConfigFromQuery(url: URL, appUrl: string): PageConfig {
  const lang = url.searchParams.get('lang') ?? 'en'
  const placement = (url.searchParams.get('placement') ?? 'DEFAULT').toUpperCase()
  const install = (url.searchParams.get('install') ?? 'N').toUpperCase() === 'Y'
  const user = Number(url.searchParams.get('user') ?? '1')
  return {
    appUrl,
    appOrigin: new URL(appUrl).origin,
    lang: (UI_LANGUAGES as readonly string[]).includes(lang) ? lang : 'en',
    placement: (PLACEMENTS as readonly string[]).includes(placement) ? placement : 'DEFAULT',
    install,
    userId: PORTAL_USERS.some((candidate) => candidate.id === user) ? user : 1,
    users: PORTAL_USERS.map((candidate) => ({
      id: candidate.id,
      name: fullName(candidate),
      isAdmin: candidate.isAdmin,
    })),
    languages: UI_LANGUAGES,
    placements: PLACEMENTS,
  }
}

function options(values: readonly { value: string; label: string }[], selected: string): string {
  return values
    .map(
      ({ value, label }) =>
        `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`,
    )
    .join('')
}

const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.4 "Open Sans","Helvetica Neue",Arial,sans-serif;background:#eef2f4;color:#333;display:flex;flex-direction:column}
#portal-header{display:flex;align-items:center;gap:16px;padding:8px 16px;background:linear-gradient(90deg,#2fc6f6,#1f9bd3);color:#fff;flex:0 0 auto;flex-wrap:wrap}
#portal-header .logo{font-weight:700;font-size:20px;letter-spacing:.5px}
#portal-header .logo span{color:#ffe177}
#portal-header .logo small{font-weight:400;font-size:12px;opacity:.85;margin-left:6px}
#portal-controls{display:flex;gap:10px;align-items:center;flex-wrap:wrap}
#portal-controls label{display:flex;gap:4px;align-items:center;font-size:12px}
#portal-controls select,#portal-controls button{font:inherit;font-size:12px;padding:3px 6px;border-radius:4px;border:1px solid rgba(0,0,0,.15)}
#portal-controls button{background:#fff;color:#1f9bd3;font-weight:600;cursor:pointer}
#current-user{margin-left:auto;font-size:12px;opacity:.9}
#workspace{flex:1 1 auto;display:flex;min-height:0}
#left-menu{width:200px;flex:0 0 auto;background:#2e3b4e;color:#cdd5df;padding:12px 0;overflow:auto}
#left-menu a{display:block;padding:6px 18px;color:inherit;text-decoration:none;font-size:13px}
#left-menu a.active{background:rgba(255,255,255,.12);color:#fff;font-weight:600}
#messenger{flex:1 1 auto;display:flex;min-width:0;overflow:auto}
#im-rail{width:72px;flex:0 0 auto;background:#0f1f33;display:none;flex-direction:column;align-items:center;padding:10px 0;gap:10px}
#im-rail .rail-item{width:48px;height:48px;border-radius:12px;background:rgba(255,255,255,.08);color:#9fb0c4;display:flex;align-items:center;justify-content:center;font-size:11px;text-align:center}
#im-rail .rail-item.active{background:#2fc6f6;color:#fff}
#im-rail button.rail-item{border:0;font:inherit;font-size:11px;cursor:pointer}
#im-rail .rail-item[hidden]{display:none}
#app-area{flex:1 1 auto;display:flex;flex-direction:column;min-width:0;padding:12px 16px}
#app-header{display:flex;align-items:baseline;gap:16px;margin-bottom:8px;flex-wrap:wrap}
#app-title{font-size:22px;font-weight:400;margin:0;color:#333}
#opened-dialog{font-size:12px;color:#777}
#app-container{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow:hidden}
#app-frame{display:block;border:0;width:100%;height:600px}
body[data-placement="IM_NAVIGATION"] #left-menu{display:none}
body[data-placement="IM_NAVIGATION"] #im-rail{display:flex}
body[data-placement="IM_NAVIGATION"] #messenger{overflow:hidden}
body[data-placement="IM_NAVIGATION"] #app-area{padding:0}
body[data-placement="IM_NAVIGATION"] #app-header{padding:6px 12px;margin:0;background:#fff;border-bottom:1px solid #e6e9ec}
body[data-placement="IM_NAVIGATION"] #app-container{flex:1 1 auto;border-radius:0;box-shadow:none;min-height:0}
body[data-placement="IM_NAVIGATION"] #app-frame{width:100% !important;height:100% !important}
#log-panel{width:400px;flex:0 0 auto;display:flex;flex-direction:column;background:#fbfcfd;border-left:1px solid #dde3e8;min-height:0}
#log-panel header{display:flex;align-items:center;justify-content:space-between;padding:8px 10px;border-bottom:1px solid #dde3e8}
#log-panel h2{font-size:13px;margin:0;text-transform:uppercase;letter-spacing:.5px;color:#555}
#log-panel button{font-size:11px}
#request-log{list-style:none;margin:0;padding:0;overflow:auto;flex:1 1 auto;font:11px/1.35 ui-monospace,Menlo,Consolas,monospace}
#request-log li{padding:4px 10px;border-bottom:1px solid #eef1f4;word-break:break-all}
#request-log li[data-source="frame"]{background:#f4f9ff}
#request-log li.is-error{background:#fff2f0}
#request-log .tag{display:inline-block;min-width:38px;font-weight:700;color:#1f9bd3}
#request-log li[data-source="frame"] .tag{color:#8a5cd0}
#request-log .status{font-weight:700}
#request-log .params{display:block;color:#777;max-height:4.2em;overflow:hidden}
`

export function renderPage(config: PageConfig): string {
  const languageOptions = options(
    config.languages.map((code) => ({
      value: code,
      label: `${code} — ${LANGUAGE_NAMES[code] ?? code}`,
    })),
    config.lang,
  )
  const placementOptions = options(
    config.placements.map((placement) => ({ value: placement, label: placement })),
    config.placement,
  )
  const installOptions = options(
    [
      { value: 'N', label: 'N — installed' },
      { value: 'Y', label: 'Y — install page' },
    ],
    config.install ? 'Y' : 'N',
  )
  const userOptions = options(
    config.users.map((user) => ({
      value: String(user.id),
      label: `${user.id}: ${user.name}${user.isAdmin ? ' (admin)' : ''}`,
    })),
    String(config.userId),
  )
  const currentUser = config.users.find((user) => user.id === config.userId)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local Bitrix24 portal</title>
<style>${STYLE}</style>
</head>
<body data-placement="${escapeHtml(config.placement)}">
<header id="portal-header">
  <div class="logo">Bitrix<span>24</span><small>local portal</small></div>
  <form id="portal-controls" onsubmit="return false">
    <label>Language <select id="lang-select" name="lang">${languageOptions}</select></label>
    <label>Placement <select id="placement-select" name="placement">${placementOptions}</select></label>
    <label>Install <select id="install-select" name="install">${installOptions}</select></label>
    <label>User <select id="user-select" name="user">${userOptions}</select></label>
    <button type="button" id="reload-app">Reload app</button>
  </form>
  <div id="current-user">${escapeHtml(currentUser?.name ?? '')}</div>
</header>
<main id="workspace">
  <nav id="left-menu" aria-label="Portal menu">
    <a href="#">Feed</a><a href="#">Messenger</a><a href="#">Tasks and Projects</a><a href="#">CRM</a>
    <a href="#" class="active">Unread marks</a><a href="#">Drive</a><a href="#">Calendar</a>
  </nav>
  <section id="messenger">
    <aside id="im-rail" aria-label="Messenger navigation">
      <div class="rail-item">Chats</div><div class="rail-item">Copilot</div><div class="rail-item">Channels</div>
      <div class="rail-item">Calls</div><button type="button" id="im-nav-item" class="rail-item active" hidden>✉<br><span></span></button>
    </aside>
    <div id="app-area">
      <div id="app-header">
        <h1 id="app-title">Unread marks</h1>
        <div id="opened-dialog" data-dialog-id="">No dialog opened</div>
      </div>
      <div id="app-container"></div>
    </div>
  </section>
  <aside id="log-panel">
    <header><h2>Request log</h2><button type="button" id="clear-log">Clear</button></header>
    <ol id="request-log" aria-live="off"></ol>
  </aside>
</main>
<script id="portal-config" type="application/json">${scriptJson(config)}</script>
<script src="/portal-assets/page.js"></script>
</body>
</html>
`
}
