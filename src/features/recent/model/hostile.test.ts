import { describe, expect, it } from 'vitest'
import { HOSTILE_CASES } from '../../../../e2e/support/hostile-dialogs.ts'
import type { RecentListPayload } from '../types/payload.ts'
import { collectEntries } from './collect.ts'
import { MAX_PREVIEW_LENGTH, MAX_TITLE_LENGTH, toDialog } from './dialog.ts'
import { stripBbCode } from './bbcode.ts'

// The same hostile items as e2e/hostile-data.spec.ts, through the model alone (as JSON, the way
// they arrive): every case gets its row or its placeholder, and every string comes out tame.

const BIDI_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null')

describe('hostile im.recent.list items', () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_name, hostile) => {
    const item = asJson(hostile.item)
    const dialog = toDialog(item)
    if (hostile.expect === 'broken') {
      expect(dialog).toBeNull()
      return
    }
    expect(dialog).not.toBeNull()
    if (typeof hostile.expect === 'object') expect(dialog!.key).toBe(hostile.expect.row)
    expect(dialog!.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
    expect(dialog!.preview.length).toBeLessThanOrEqual(MAX_PREVIEW_LENGTH)
    expect(dialog!.title).not.toMatch(BIDI_OR_CONTROL)
    expect(dialog!.preview).not.toMatch(BIDI_OR_CONTROL)
    expect(dialog!.avatarUrl === null || /^https?:\/\//.test(dialog!.avatarUrl)).toBe(true)
    expect(dialog!.color).toMatch(/^#[0-9a-f]{3,6}$/i)
    expect(Number.isSafeInteger(dialog!.counter) && dialog!.counter >= 0).toBe(true)
    if (dialog!.lastActivityMs !== null)
      expect(() => new Date(dialog!.lastActivityMs!).toISOString()).not.toThrow()
  })

  it('all of them together: one entry per case, duplicates once, in order, quickly', () => {
    const started = performance.now()
    const entries = collectEntries([
      { items: asJson(HOSTILE_CASES.map((c) => c.item)) as unknown[], hasMore: false },
    ])
    // Only a runaway (quadratic on the megabyte title) takes this long; normal work is milliseconds.
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(entries.map((e) => (e.kind === 'dialog' ? e.dialog.key : 'broken'))).toEqual(
      HOSTILE_CASES.filter((c) => c.expect !== 'duplicate').map((c) =>
        typeof c.expect === 'object' ? c.expect.row : 'broken',
      ),
    )
  }, 60_000)

  it('pages that are not even objects load as empty', () => {
    const pages = [
      null,
      'x',
      42,
      { items: 'no' },
      { items: null },
      [],
    ] as unknown as RecentListPayload[]
    expect(collectEntries(pages)).toEqual([])
  })

  it('BB-code made to backtrack costs milliseconds, not minutes', () => {
    const started = performance.now()
    stripBbCode('[USER='.repeat(200_000))
    stripBbCode('[b='.repeat(300_000) + '[URL]'.repeat(100_000))
    // Uncut, these inputs backtrack for minutes; only that regression comes near this bound.
    expect(performance.now() - started).toBeLessThan(20_000)
  }, 60_000)

  it('keeps the pieces of a real title: emoji, right-to-left script, surrogate pairs', () => {
    expect(toDialog({ id: 'chat1', title: 'فريق 👩‍👩‍👧‍👦 Δ' })?.title).toBe('فريق 👩‍👩‍👧‍👦 Δ')
    const title = toDialog({ id: 'chat1', title: `${'a'.repeat(MAX_TITLE_LENGTH - 1)}😀` })!.title
    expect(title).toBe('a'.repeat(MAX_TITLE_LENGTH - 1)) // never half a surrogate pair
  })
})
