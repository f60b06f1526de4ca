import { describe, expect, it } from 'vitest'
import { diffJson } from './json-diff'

describe('diffJson', () => {
  it('finds nothing between equal documents whatever their key order', () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([])
  })

  it('reports adds, removes and changes with readable paths', () => {
    expect(diffJson({ a: 1, b: { c: 'x' }, list: [1, 2, 3] }, { a: 2, b: {}, d: true, list: [1, 5] })).toEqual([
      { op: 'change', path: 'a', before: 1, after: 2 },
      { op: 'remove', path: 'b.c', before: 'x' },
      { op: 'add', path: 'd', after: true },
      { op: 'change', path: 'list[1]', before: 2, after: 5 },
      { op: 'remove', path: 'list[2]', before: 3 },
    ])
  })

  it('matches identified items by name, so a reorder is a move and not a cascade of changes', () => {
    const a = {
      fields: [
        { name: 'x', label: 'X' },
        { name: 'y', label: 'Y' },
        { name: 'z', label: 'Z' },
      ],
    }
    const b = {
      fields: [
        { name: 'y', label: 'Y' },
        { name: 'x', label: 'X2' },
        { name: 'w', label: 'W' },
      ],
    }
    expect(diffJson(a, b)).toEqual([
      { op: 'remove', path: 'fields[name=z]', before: { name: 'z', label: 'Z' } },
      { op: 'move', path: 'fields[name=y]', from: 1, to: 0 },
      { op: 'move', path: 'fields[name=x]', from: 0, to: 1 },
      { op: 'change', path: 'fields[name=x].label', before: 'X', after: 'X2' },
      { op: 'add', path: 'fields[name=w]', after: { name: 'w', label: 'W' } },
    ])
  })

  it('reports a change of type at the root', () => {
    expect(diffJson(null, { a: 1 })).toEqual([{ op: 'change', path: '(root)', before: null, after: { a: 1 } }])
  })
})
