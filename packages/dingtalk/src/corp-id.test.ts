import { describe, expect, it } from 'vitest'
import { readCorpId } from './corp-id'

const at = (search: string, hash = ''): Pick<Location, 'search' | 'hash'> => ({ search, hash })

describe('readCorpId', () => {
  it('reads the query before the hash', () => {
    expect(readCorpId(at('?corpId=ding123abc', '#/cases'))).toBe('ding123abc')
  })

  it('reads the query inside the hash (hash routing)', () => {
    expect(readCorpId(at('', '#/cases?tab=open&corpId=ding456'))).toBe('ding456')
  })

  it('prefers the query before the hash', () => {
    expect(readCorpId(at('?corpId=outer', '#/x?corpId=inner'))).toBe('outer')
  })

  it('ignores the unsubstituted placeholder, raw or encoded', () => {
    expect(readCorpId(at('?corpId=$CORPID$'))).toBeNull()
    expect(readCorpId(at('?corpId=%24CORPID%24', '#/'))).toBeNull()
  })

  it('falls back to the hash when the outer value is the placeholder', () => {
    expect(readCorpId(at('?corpId=$CORPID$', '#/?corpId=ding789'))).toBe('ding789')
  })

  it('returns null when absent or blank', () => {
    expect(readCorpId(at('', ''))).toBeNull()
    expect(readCorpId(at('?corpid=lowercase-key'))).toBeNull()
    expect(readCorpId(at('?corpId=', '#/?corpId=%20'))).toBeNull()
  })

  it('reads window.location by default', () => {
    window.history.replaceState(null, '', '/app/?corpId=dingdefault#/home')
    expect(readCorpId()).toBe('dingdefault')
  })
})
