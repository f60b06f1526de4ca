import type { Locale } from '@suite/domain'

/** A Hong Kong court, tribunal or registry, named in each of the suite's languages. */
export interface HkCourt {
  kind: 'court' | 'magistrates' | 'registry'
  'zh-HK': string
  'zh-CN': string
  en: string
}

const c = (kind: HkCourt['kind'], en: string, zhHK: string, zhCN: string): HkCourt => ({
  kind,
  en,
  'zh-HK': zhHK,
  'zh-CN': zhCN,
})

/** The courts and tribunals of the Hong Kong Judiciary, each Magistrates' Court by name, and their registries. */
export const HK_COURTS: readonly HkCourt[] = [
  c('court', 'Court of Final Appeal', '終審法院', '终审法院'),
  c('court', 'Court of Appeal of the High Court', '高等法院上訴法庭', '高等法院上诉法庭'),
  c('court', 'Court of First Instance of the High Court', '高等法院原訟法庭', '高等法院原讼法庭'),
  c('court', 'District Court', '區域法院', '区域法院'),
  c('court', 'Family Court', '家事法庭', '家事法庭'),
  c('court', 'Lands Tribunal', '土地審裁處', '土地审裁处'),
  c('court', 'Labour Tribunal', '勞資審裁處', '劳资审裁处'),
  c('court', 'Small Claims Tribunal', '小額錢債審裁處', '小额钱债审裁处'),
  c('court', 'Competition Tribunal', '競爭事務審裁處', '竞争事务审裁处'),
  c('court', 'Obscene Articles Tribunal', '淫褻物品審裁處', '淫亵物品审裁处'),
  c('court', "Coroner's Court", '死因裁判法庭', '死因裁判法庭'),
  c('magistrates', "Eastern Magistrates' Courts", '東區裁判法院', '东区裁判法院'),
  c('magistrates', "Kowloon City Magistrates' Courts", '九龍城裁判法院', '九龙城裁判法院'),
  c('magistrates', "Kwun Tong Magistrates' Courts", '觀塘裁判法院', '观塘裁判法院'),
  c('magistrates', "West Kowloon Magistrates' Courts", '西九龍裁判法院', '西九龙裁判法院'),
  c('magistrates', "Fanling Magistrates' Courts", '粉嶺裁判法院', '粉岭裁判法院'),
  c('magistrates', "Sha Tin Magistrates' Courts", '沙田裁判法院', '沙田裁判法院'),
  c('magistrates', "Tuen Mun Magistrates' Courts", '屯門裁判法院', '屯门裁判法院'),
  c('registry', 'Court of Final Appeal Registry', '終審法院登記處', '终审法院登记处'),
  c('registry', 'High Court Registry', '高等法院登記處', '高等法院登记处'),
  c('registry', 'Probate Registry', '遺產承辦處', '遗产承办处'),
  c('registry', 'District Court Registry', '區域法院登記處', '区域法院登记处'),
  c('registry', 'Family Court Registry', '家事法庭登記處', '家事法庭登记处'),
  c('registry', 'Lands Tribunal Registry', '土地審裁處登記處', '土地审裁处登记处'),
  c('registry', 'Labour Tribunal Registry', '勞資審裁處登記處', '劳资审裁处登记处'),
  c('registry', 'Small Claims Tribunal Registry', '小額錢債審裁處登記處', '小额钱债审裁处登记处'),
  c('registry', 'Competition Tribunal Registry', '競爭事務審裁處登記處', '竞争事务审裁处登记处'),
]

/**
 * What is stored for a court from the list: its Chinese and English names together, so every
 * colleague can read it whatever their language and the agenda's court filter finds it by either.
 */
export const storedCourtName = (court: HkCourt): string => `${court['zh-HK']} ${court.en}`

/** A stored court name in the reader's language when it is one of the list's, else as it was typed. */
export function courtName(stored: string, locale: Locale | string): string {
  const known = HK_COURTS.find((x) => storedCourtName(x) === stored)
  return known ? known[(locale as Locale) in known ? (locale as Locale) : 'zh-HK'] : stored
}

/** One choice of a court picker: the stored value, the label in the reader's language, and every name to search. */
export interface CourtChoice {
  value: string
  label: string
  search: string
}

/** The list's courts, then any other court already used in the caller's cases. */
export function courtChoices(locale: Locale | string, used: readonly string[] = []): CourtChoice[] {
  const known = HK_COURTS.map((x) => ({
    value: storedCourtName(x),
    label: courtName(storedCourtName(x), locale),
    search: `${x['zh-HK']} ${x['zh-CN']} ${x.en}`.toLowerCase(),
  }))
  const values = new Set(known.map((k) => k.value))
  const others = used.filter((u) => !values.has(u)).map((u) => ({ value: u, label: u, search: u.toLowerCase() }))
  return [...known, ...others]
}
