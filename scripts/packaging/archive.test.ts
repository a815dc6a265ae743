import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { brokenLinks, unzipFiles, zipFiles } from './archive.ts'

const page = (body: string) =>
  strToU8(`<!doctype html><html><head>${body}</head><body></body></html>`)

describe('the static app archive', () => {
  it('unpacks what it packed, the same bytes under the same paths', () => {
    const files = new Map([
      ['index.html', page('')],
      ['assets/app.js', strToU8('console.log(1)')],
    ])
    expect(unzipFiles(zipFiles(files))).toEqual(files)
  })

  it('is the same byte for byte for the same files', () => {
    const files = new Map([['index.html', page('')]])
    expect(zipFiles(files)).toEqual(zipFiles(new Map(files)))
  })

  it.each(['../evil.html', '/etc/passwd', 'a/../../b', 'C:/x.html', 'a\\b.html'])(
    'refuses an entry that would escape its folder: %s',
    (path) => {
      expect(() => unzipFiles(zipSync({ [path]: strToU8('x') }))).toThrow(/unsafe path/)
    },
  )

  it('finds the links that would not load under a sub-path', () => {
    const files = new Map([
      [
        'index.html',
        page(
          '<script src="./assets/app.js"></script><link href="/assets/app.css">' +
            '<link rel="icon" href="missing.svg"><a href="https://example.com/x">',
        ),
      ],
      ['assets/app.js', strToU8('')],
    ])
    expect(brokenLinks(files, 'index.html')).toEqual(['/assets/app.css', 'missing.svg'])
  })
})
