/**
 * The address the placement is bound to: the app's page without the launch query (DOMAIN, LANG, …).
 *
 * A static app uploaded to Bitrix24 is opened for setup at the archive's `install.html` and runs at
 * the `index.html` beside it (b24restdocs: local-integrations/static-local-app.md, the installation
 * wizard page), so the install wizard binds the page next to itself, wherever the portal unpacked
 * the archive. A hosted app is installed and run at the same address.
 */
export function handlerUrl(location: Pick<Location, 'href'> = window.location): string {
  const url = new URL(location.href)
  url.search = ''
  url.hash = ''
  if (url.pathname.endsWith('/install.html')) return new URL('index.html', url).href
  return url.href
}
