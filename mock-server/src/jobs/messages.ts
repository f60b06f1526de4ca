import type { Locale } from '@suite/domain'

/**
 * Server-side message catalogues: every text the server writes to a person (work
 * notifications, e-mails) is looked up in the recipient's language, never written as a
 * bilingual literal. Each area keeps its catalogue in `<area>/messages.ts`.
 */

/** A notification's title and body in one language. */
export interface Text {
  title: string
  body: string
}

/** One text per message key, in every language the suite speaks. */
export type Catalogue<K extends string> = Readonly<Record<Locale, Readonly<Record<K, Text>>>>

/** Parameters of a message: `{name}` in a text is replaced by `params.name`. */
export type MessageParams = Readonly<Record<string, string | number>>

/** Replace each `{name}` with its parameter; unknown names stay as written. */
export function fill(s: string, params: MessageParams = {}): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])))
}

/**
 * Build a catalogue's lookup: `text(locale, key, params)` is the message in that language
 * with its parameters filled in.
 */
export function catalogue<K extends string>(texts: Catalogue<K>) {
  return (locale: Locale, key: K, params: MessageParams = {}): Text => {
    const t = texts[locale][key]
    return { title: fill(t.title, params), body: fill(t.body, params) }
  }
}

/** Words the notification sender itself needs. */
export const OPEN_BUTTON: Readonly<Record<Locale, string>> = { 'zh-HK': '打開', 'zh-CN': '打开', en: 'Open' }
