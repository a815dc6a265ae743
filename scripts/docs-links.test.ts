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

/** Every file under a folder of the repository, as a path from its root. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path)
    return [path]
  })
}

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

// Code cites the facts it rests on by the page and a section's heading (the part before its colon
// will do): each cited section is a heading of that page, so a reader who follows a comment finds
// the fact and its source.
describe('citations of docs/bitrix24-facts.md in the code', () => {
  const facts = readFileSync(join(REPO, 'docs', 'bitrix24-facts.md'), 'utf8')
  const headings = new Set(
    facts
      .split('\n')
      .filter((line) => /^#{2,6}\s/.test(line))
      .map((line) => line.replace(/^#+\s+/, '').trim())
      .flatMap((heading) => [heading, heading.split(':')[0]!]),
  )
  const self = relative(REPO, fileURLToPath(import.meta.url))
  const files = ['src', 'scripts', 'e2e']
    .flatMap(filesUnder)
    .filter((file) => file !== self && /\.(ts|tsx)$/.test(file))

  it('finds citations to check', () => {
    const cited = files.some((file) =>
      readFileSync(join(REPO, file), 'utf8').includes('bitrix24-facts.md, "'),
    )
    expect(cited).toBe(true)
  })

  for (const file of files) {
    // A citation may wrap across comment lines.
    const text = readFileSync(join(REPO, file), 'utf8').replace(/\n\s*(?:\*|\/\/)?\s*/g, ' ')
    const cited = [...text.matchAll(/bitrix24-facts\.md,\s*"([^"]+)"/g)].map((m) => m[1]!)
    if (cited.length === 0) continue
    it(`${file}: every cited section exists`, () => {
      expect(cited.filter((section) => !headings.has(section))).toEqual([])
    })
  }
})

// A clone of the repository alone must hold every fact its code cites: the team's shared notes
// outside it are not there. (Their file name is spelt in parts, so this test does not cite it.)
const SHARED_NOTES = ['PROTOCOL', 'md'].join('.')
it('no code cites the protocol notes outside the repository', () => {
  const outside = ['src', 'scripts', 'e2e', '.ci']
    .flatMap((dir) => (existsSync(join(REPO, dir)) ? filesUnder(dir) : []))
    .filter((file) => readFileSync(join(REPO, file), 'utf8').includes(SHARED_NOTES))
  expect(outside).toEqual([])
})
