import { describe, expect, it } from 'vitest'
import { handlerUrl } from './handler-url.ts'

describe('handlerUrl', () => {
  it('a hosted app binds its own page, without the launch query', () => {
    expect(
      handlerUrl({ href: 'https://unread.example.com/app/?DOMAIN=acme.bitrix24.com&LANG=en' }),
    ).toBe('https://unread.example.com/app/')
  })

  // b24restdocs settings/app-installation/local-apps/installation-master.md: a static app's wizard
  // is install.html from the archive; its main page is the index.html in the same archive root.
  it('a static app installed from install.html binds the index.html beside it', () => {
    expect(
      handlerUrl({
        href: 'https://apps.example.net/local/ab12/install.html?DOMAIN=acme.bitrix24.com&APP_SID=1',
      }),
    ).toBe('https://apps.example.net/local/ab12/index.html')
  })

  it('index.html itself stays the handler', () => {
    expect(handlerUrl({ href: 'https://apps.example.net/x/index.html?LANG=de#top' })).toBe(
      'https://apps.example.net/x/index.html',
    )
  })
})
