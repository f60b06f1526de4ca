import { describe, expect, it } from 'vitest'
import { decodeEscapes } from './unescape'

/** Every decoded character's span in the source must decode to that character alone. */
function expectConsistent(source: string): void {
  const d = decodeEscapes(source)
  for (let i = 0; i < d.text.length; i++) {
    const span = source.slice(d.sourceStart(i), d.sourceEnd(i + 1))
    expect(decodeEscapes(span).text, `char ${i} of ${JSON.stringify(source)}`).toBe(d.text[i])
  }
  expect(d.sourceStart(0)).toBe(0)
  expect(d.sourceEnd(d.text.length)).toBe(source.length)
}

describe('decodeEscapes', () => {
  it('leaves text without escapes alone, with identity maps', () => {
    const d = decodeEscapes('身份證 A123456(3) C:\\Users\\x')
    expect(d.text).toBe('身份證 A123456(3) C:\\Users\\x')
    expect([d.sourceStart(5), d.sourceEnd(9)]).toEqual([5, 9])
  })

  it('decodes \\uXXXX, the short escapes and surrogate pairs', () => {
    const source = String.raw`\u8eab\u4efd\u8b49\uff1aA\n\t\"\\\/\b\f\r\ud83d\ude00!`
    expect(decodeEscapes(source, 1).text).toBe('身份證：A\n\t"\\/\b\f\r😀!')
    expectConsistent(source)
  })

  it('maps a span of the decoded text back onto the escapes it came from', () => {
    const source = String.raw`{"id":"A123456\uff083\uff09"}`
    const d = decodeEscapes(source)
    const start = d.text.indexOf('A')
    const end = d.text.indexOf('）') + 1
    expect(source.slice(d.sourceStart(start), d.sourceEnd(end))).toBe(String.raw`A123456\uff083\uff09`)
  })

  it('decodes escaped JSON inside JSON (two rounds) and composes the maps', () => {
    const source = String.raw`"{\"id\":\"\\u8eab A1\\uff08\"}"`
    const d = decodeEscapes(source)
    expect(d.text).toBe('"{"id":"身 A1（"}"')
    expectConsistent(source)
    expect(source.slice(d.sourceStart(d.text.indexOf('身')), d.sourceEnd(d.text.indexOf('身') + 1))).toBe(
      String.raw`\\u8eab`,
    )
  })

  it('keeps a backslash that starts no escape, and an escaped backslash before u', () => {
    expect(decodeEscapes(String.raw`C:\x \u12 \q`).text).toBe(String.raw`C:\x \u12 \q`)
    // `\\u8eab` is a backslash and `u8eab` in one round; a second round reads it as 身 (escaped JSON in JSON).
    expect(decodeEscapes(String.raw`\\u8eab`, 1).text).toBe(String.raw`\u8eab`)
    expectConsistent(String.raw`a\\b\\\"c\u0041`)
  })
})
