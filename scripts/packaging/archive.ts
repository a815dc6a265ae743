import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate'

/** Archive path (forward slashes, no leading slash) → content. */
export type ArchiveFiles = Map<string, Uint8Array>

/** A fixed date for every entry, so the same build gives the same archive byte for byte. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1))

export function readTree(root: string): ArchiveFiles {
  const files: ArchiveFiles = new Map()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile())
        files.set(relative(root, path).split(sep).join('/'), readFileSync(path))
    }
  }
  walk(root)
  return files
}

export function zipFiles(files: ArchiveFiles): Uint8Array {
  const entries: Zippable = {}
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    entries[path] = [content, { level: 9, mtime: ENTRY_DATE }]
  }
  return zipSync(entries)
}

/**
 * The files of an archive, refusing what would escape the folder it is unpacked into
 * (absolute paths, `..`, backslashes, drive letters). Directory entries are dropped.
 */
export function unzipFiles(archive: Uint8Array): ArchiveFiles {
  const files: ArchiveFiles = new Map()
  for (const [path, content] of Object.entries(unzipSync(archive))) {
    if (path.endsWith('/')) continue
    const parts = path.split('/')
    if (
      path.startsWith('/') ||
      path.includes('\\') ||
      /^[a-z]:/i.test(path) ||
      parts.some((part) => part === '..' || part === '.' || part === '')
    ) {
      throw new Error(`the archive holds an unsafe path: ${path}`)
    }
    files.set(path, content)
  }
  return files
}

/**
 * What a page of the archive links to (src/href of its tags) that would not load once the archive
 * is unpacked under some sub-path: an absolute or root-relative link to the app's own files, or a
 * relative one to a file the archive does not hold. Empty when every link resolves inside it.
 */
export function brokenLinks(files: ArchiveFiles, page: string): string[] {
  const html = strFromU8(files.get(page) ?? new Uint8Array())
  const broken: string[] = []
  for (const [, link] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
    if (link === undefined || /^[a-z][a-z0-9+.-]*:/i.test(link)) continue
    if (link.startsWith('/')) {
      broken.push(link)
      continue
    }
    const path = new URL(link, `http://archive/${page}`).pathname.slice(1)
    if (!files.has(decodeURIComponent(path))) broken.push(link)
  }
  return broken
}
