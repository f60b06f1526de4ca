import type { CharMark } from './typed'

/**
 * Why a contact looks suspicious. Codes are stable (the UI translates them, the server
 * stores them); `target` names the official domain a lookalike imitates, `detail` carries
 * what the reader should see (the decoded host, the edit distance, the shortener).
 */
export type ReasonCode =
  | 'plain_http'
  | 'ip_host'
  | 'obfuscated_ip'
  | 'credentials_in_url'
  | 'punycode'
  | 'mixed_script'
  | 'homoglyph'
  | 'lookalike'
  | 'official_name_in_subdomain'
  | 'official_name_embedded'
  /** The official name split by hyphens or dots (`ding-talk-support.com`, `ding.talk-hk.top`). */
  | 'brand_split'
  /** Another name of the brand: its Chinese name or pinyin (`dingding-hk.com`, `钉钉客服.com`). */
  | 'brand_alias'
  /** A link shortener (`bit.ly`, `t.cn`): the destination is hidden. */
  | 'shortener'
  | 'invalid_number'
  | 'overseas_number'
  | 'no_phone_support'
  | 'free_mail'

/**
 * One finding of the heuristics. The findings about a web or mail host also say what is true of
 * this input, so a reader can be told it without the UI guessing: the host and its registrable
 * domain as typed (capitals kept, punycode decoded), the protected name imitated, the part of the
 * host that imitates it, and where the characters that differ are.
 */
export interface Reason {
  code: ReasonCode
  /** The official domain imitated, for lookalike findings (`dingtalk.com`). */
  target?: string
  /** Decoded host, edit distance, shortener or number region: shown next to the reason. */
  detail?: string
  /** The whole host as typed, punycode decoded (`dingtaIk.com.support-hk.top`). */
  host?: string
  /** The registrable domain as typed, punycode decoded: the site it really is (`support-hk.top`). */
  domain?: string
  /** The protected name imitated, without its suffix (`dingtalk`). */
  name?: string
  /** The part of the host that imitates it, as typed (`dingtaIk.com`). */
  imitation?: string
  /** The deceptive characters this finding is about, located in {@link CheckResult.typed} or `decoded`. */
  marks?: CharMark[]
}

/** Every reason code, for exhaustive translation tables. */
export const REASON_CODES: readonly ReasonCode[] = [
  'plain_http',
  'ip_host',
  'obfuscated_ip',
  'credentials_in_url',
  'punycode',
  'mixed_script',
  'homoglyph',
  'lookalike',
  'official_name_in_subdomain',
  'official_name_embedded',
  'brand_split',
  'brand_alias',
  'shortener',
  'invalid_number',
  'overseas_number',
  'no_phone_support',
  'free_mail',
]
