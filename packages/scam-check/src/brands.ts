/** Domains whose imitations are flagged even before IT lists them. */
export const BRAND_DOMAINS: readonly string[] = ['dingtalk.com']

/**
 * Other names people know a protected domain by: its Chinese name (Simplified and Traditional)
 * and its pinyin. A host using one of them (`dingding-hk.com`, `钉钉客服.com`) impersonates
 * the brand. Pinyin only when it is the brand's everyday name: in Hong Kong "ding ding" is also
 * the trams' nickname, so a tram site named so would be flagged too (none is known).
 */
export const BRAND_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'dingtalk.com': ['dingding', '钉钉', '釘釘'],
}
