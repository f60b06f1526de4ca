import { describe, expect, it } from 'vitest'
import { checkIdentifier, type CheckLists } from './verdict'

const lists: CheckLists = {
  official: [
    { kind: 'url', value: 'dingtalk.com', label: 'DingTalk' },
    { kind: 'url', value: 'chanwong-law.hk', label: 'The firm' },
  ],
  knownScams: [],
}
/** The marked host as `dingta[I=l]k.com`. */
const marked = (raw: string) => {
  const m = checkIdentifier(raw, lists).marked
  return m ? m.map((p) => (p.looksLike ? `[${p.text}=${p.looksLike}]` : p.text)).join('') : null
}

describe('the typed host with its deceptive characters marked', () => {
  it('keeps the capital I that lower-casing erases', () => {
    expect(marked('https://dingtaIk.com/login')).toBe('dingta[I=l]k.com')
    expect(marked('support@dingtaIk.com')).toBe('dingta[I=l]k.com')
  })

  it('marks digits, pairs and other scripts standing in for letters', () => {
    expect(marked('dingta1k.com')).toBe('dingta[1=l]k.com')
    expect(marked('https://clingtalk.com')).toBe('[cl=d]ingtalk.com')
    expect(marked('https://dingtаlk.com')).toBe('dingt[а=a]lk.com')
    expect(marked('https://xn--dingtlk-6fg.com')).toBe('dingt[а=a]lk.com')
    expect(marked('https://chanwong-1aw.hk')).toBe('chanwong-[1=l]aw.hk')
    expect(marked('http://dingtaIk.com.support-hk.top/login')).toBe('dingta[I=l]k.com.support-hk.top')
  })

  it('marks only inside the imitated name', () => {
    expect(marked('https://dingta1k-web10.com')).toBe('dingta[1=l]k-web10.com')
  })

  it('has nothing to mark on honest or unrelated names', () => {
    expect(marked('https://www.dingtalk.com')).toBeNull()
    expect(marked('HTTPS://DINGTALK.COM')).toBeNull()
    expect(marked('https://web10.example.org')).toBeNull()
    expect(marked('https://dingtallk.com')).toBeNull()
    expect(marked('+852 9123 4567')).toBeNull()
  })
})

describe('what a marked character poses as', () => {
  it('is the letter of the name it stands in for', () => {
    expect(marked('https://d1ngtalk.com')).toBe('d[1=i]ngtalk.com')
    expect(marked('https://d1ngd1ng.com')).toBe('d[1=i]ngd[1=i]ng.com')
    expect(marked('https://dingta1k.com')).toBe('dingta[1=l]k.com')
  })
})
