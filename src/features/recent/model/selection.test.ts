import { describe, expect, it } from 'vitest'
import {
  allMatching,
  emptySelection,
  isSelected,
  selectedKeys,
  selectRange,
  setSelected,
} from './selection.ts'

const keys = ['1', 'chat2', '3', 'sg4', '5']

describe('selection', () => {
  it('selects and deselects single dialogs', () => {
    const s = setSelected(emptySelection, ['3'], true)
    expect(selectedKeys(s, keys)).toEqual(['3'])
    expect(selectedKeys(setSelected(s, ['3'], false), keys)).toEqual([])
  })
  it('selects a range with shift-click, in either direction', () => {
    expect(selectedKeys(selectRange(emptySelection, keys, 'chat2', 'sg4', true), keys)).toEqual([
      'chat2',
      '3',
      'sg4',
    ])
    expect(selectedKeys(selectRange(emptySelection, keys, 'sg4', '1', true), keys)).toEqual([
      '1',
      'chat2',
      '3',
      'sg4',
    ])
  })
  it('"all matching" covers dialogs not loaded yet, minus the ones unticked', () => {
    const s = setSelected(allMatching, ['3'], false)
    expect(isSelected(s, 'not-loaded-yet')).toBe(true)
    expect(selectedKeys(s, keys)).toEqual(['1', 'chat2', 'sg4', '5'])
  })
})
