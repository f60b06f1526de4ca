import { describe, expect, it } from 'vitest'
import { editDistance } from './edit-distance'

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swaps', () => {
    expect(editDistance('dingtalk', 'dingtalk')).toBe(0)
    expect(editDistance('dingtalk', 'dingtaik')).toBe(1)
    expect(editDistance('dingtalk', 'dingtallk')).toBe(1)
    expect(editDistance('dingtalk', 'dintalk')).toBe(1)
    expect(editDistance('dingtalk', 'dingtlak')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('gives up past the limit', () => {
    expect(editDistance('dingtalk', 'google', 2)).toBe(3)
  })

  it('counts code points, not UTF-16 units', () => {
    expect(editDistance('釘釘', '钉钉')).toBe(2)
    expect(editDistance('a😀b', 'ab')).toBe(1)
  })
})
