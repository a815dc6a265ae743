// Every relative link and image in README.md and docs/*.md points to a file of the repository,
// and a link to a heading (#anchor) to a heading that is there: a reader never lands on nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const pages = [
  join(REPO, 'README.md'),
  ...readdirSync(join(REPO, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(REPO, 'docs', name)),
]

/** The page's text outside code: a link shown as code is an example, not a link. */
const prose = (markdown: string) =>
  markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '')

/** Targets of [text](target), ![alt](target) and <img src="target">. */
function targetsOf(markdown: string): string[] {
  const text = prose(markdown)
  const links = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!)
  const images = [...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!)
  return [...links, ...images]
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')

const anchorsOf = (markdown: string) =>
  new Set(
    prose(markdown)
      .split('\n')
      .filter((line) => /^#{1,6}\s/.test(line))
      .map((line) => slug(line.replace(/^#+\s+/, ''))),
  )

describe('links in the README and docs/', () => {
  it('finds the pages and their links', () => {
    expect(pages.length).toBeGreaterThan(1)
    expect(targetsOf(readFileSync(pages[0]!, 'utf8')).length).toBeGreaterThan(0)
  })

  for (const page of pages) {
    it(`${relative(REPO, page)}: every relative link and image leads somewhere`, () => {
      const markdown = readFileSync(page, 'utf8')
      const broken = targetsOf(markdown)
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
        .filter((target) => {
          const [path = '', anchor] = target.split('#')
          const file = path === '' ? page : join(dirname(page), decodeURIComponent(path))
          if (!existsSync(file)) return true
          if (anchor === undefined || !file.endsWith('.md')) return false
          return !anchorsOf(readFileSync(file, 'utf8')).has(anchor)
        })
      expect(broken).toEqual([])
    })
  }
})
