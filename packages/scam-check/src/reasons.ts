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

/** One finding of the heuristics. */
export interface Reason {
  code: ReasonCode
  /** The official name imitated, for lookalike findings. */
  target?: string
  /** Decoded host, edit distance, shortener or number region: shown next to the reason. */
  detail?: string
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
