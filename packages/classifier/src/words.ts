import type { KeywordCategory, SensitiveType } from '@suite/domain'

/**
 * Keyword categories in Traditional Chinese, Simplified Chinese and English. English words
 * match whole words, case-insensitively; a space matches any run of white space.
 */
export const KEYWORDS: Record<KeywordCategory, readonly string[]> = {
  contract: [
    '合約',
    '合同',
    '協議書',
    '协议书',
    '契約',
    '契约',
    '租約',
    '租约',
    'contract',
    'contracts',
    'agreement',
    'agreements',
    'tenancy agreement',
  ],
  payment: [
    '付款',
    '支付',
    '匯款',
    '汇款',
    '轉賬',
    '轉帳',
    '转账',
    '轉數快',
    '转数快',
    '發票',
    '发票',
    'payment',
    'payments',
    'invoice',
    'invoices',
    'remittance',
    'wire transfer',
    'bank transfer',
  ],
  id: [
    '身份證',
    '身分證',
    '身份证',
    '身分证',
    '護照',
    '护照',
    '回鄉證',
    '回乡证',
    'identity card',
    'id card',
    'passport',
  ],
  medical: [
    '病歷',
    '病历',
    '診斷',
    '诊断',
    '醫療報告',
    '医疗报告',
    '醫療記錄',
    '医疗记录',
    '處方',
    '处方',
    'medical record',
    'medical records',
    'medical report',
    'medical history',
    'diagnosis',
    'diagnosed',
    'prescription',
  ],
}

/** A context target: a finding type, or `macau` (a bare 8-digit phone near it is Macau's). */
export type ContextTarget = Exclude<SensitiveType, 'keyword'> | 'macau'

/** Context words (Purview-style) that raise a finding's confidence when within the window. */
export const CONTEXT_WORDS: Record<ContextTarget, readonly string[]> = {
  hk_id: [
    '香港身份證',
    '香港身份证',
    '身份證',
    '身分證',
    '身份证',
    '身分证',
    '證件號碼',
    '证件号码',
    'HKID',
    'HK ID',
    'HKIC',
    'identity card',
    'ID card',
    'ID no',
    'ID number',
  ],
  cn_id: [
    '居民身份證',
    '居民身份证',
    '公民身份號碼',
    '公民身份号码',
    '身份證',
    '身分證',
    '身份证',
    '身分证',
    '證件號碼',
    '证件号码',
    'PRC',
    'Resident Identity Card',
    'identity card',
    'ID card',
    'ID no',
    'ID number',
  ],
  mo_id: ['澳門身份證', '澳门身份证', '澳門居民身份證', '澳门居民身份证', '澳門', '澳门', 'BIR', 'Macau', 'Macao'],
  credit_card: [
    '信用卡',
    '扣賬卡',
    '借记卡',
    '卡號',
    '卡号',
    '銀聯',
    '银联',
    'card',
    'credit card',
    'debit card',
    'card no',
    'Visa',
    'Mastercard',
    'UnionPay',
    'AMEX',
    'CVV',
    'expiry',
  ],
  phone: [
    '電話',
    '电话',
    '手機',
    '手机',
    '聯絡',
    '聯繫',
    '联系',
    '聯絡電話',
    '联系电话',
    '致電',
    '致电',
    '熱線',
    '热线',
    '傳真',
    '传真',
    '微信',
    'Tel',
    'Phone',
    'Mobile',
    'WhatsApp',
    'WeChat',
    'Signal',
    'call',
    'contact',
    'hotline',
    'freephone',
    'fax',
  ],
  email: ['電郵', '电邮', '電子郵件', '电子邮件', '郵箱', '邮箱', 'email', 'e-mail', 'mail'],
  macau: ['澳門', '澳门', 'Macau', 'Macao', '+853'],
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const isAscii = (s: string): boolean => /^[\x20-\x7e]+$/.test(s)
/** Lookup key of a matched word: lower case, runs of white space as one space. */
export const wordKey = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ')

/**
 * One regex for a word list: longest words first, so `香港身份證` wins over `身份證`;
 * ASCII words only as whole words.
 */
export function wordsRegex(words: Iterable<string>): RegExp {
  const unique = [...new Set([...words].map(wordKey))].sort((a, b) => b.length - a.length)
  const alt = (w: string): string => escape(w).replace(/ /g, '\\s+')
  // A leading class of first characters lets the regex engine skip most positions at once.
  const firsts = (ws: string[]): string =>
    `[${escape([...new Set(ws.flatMap((w) => [w[0]!, w[0]!.toUpperCase()]))].join(''))}]`
  const cjkWords = unique.filter((w) => !isAscii(w))
  const asciiWords = unique.filter(isAscii)
  const parts = [
    cjkWords.length ? `(?=${firsts(cjkWords)})(?:${cjkWords.map(alt).join('|')})` : null,
    asciiWords.length
      ? `(?=${firsts(asciiWords)})(?<![A-Za-z0-9])(?:${asciiWords.map(alt).join('|')})(?![A-Za-z0-9])`
      : null,
  ].filter(Boolean)
  return new RegExp(parts.join('|'), 'gi')
}
