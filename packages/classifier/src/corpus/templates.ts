import type { SensitiveType } from '@suite/domain'

/**
 * Sentence templates. `{}` is where the value goes; `[[word]]` marks a keyword the corpus
 * labels (its category is the part after `|`). Plain text holds no keyword: the filler lines
 * are checked against the keyword lists by the corpus test.
 */
export type ValueType = Exclude<SensitiveType, 'keyword'>

export const TEMPLATES: Record<ValueType, readonly string[]> = {
  hk_id: [
    '客戶的香港[[身份證|id]]號碼是 {}，請核對。',
    'HKID: {}',
    '證件號碼：{}（已核實）',
    '附件中的號碼 {} 需要遮蓋。',
    'Please verify [[ID card|id]] no. {} before the meeting.',
    '当事人{}的资料已更新',
    'Ref {} 😀 收到',
  ],
  mo_id: [
    '澳門居民[[身份證|id]]：{}',
    'Macau BIR {} (copy attached)',
    '澳门居民[[身份证|id]]号码 {}。',
    '編號{}已登記',
  ],
  cn_id: [
    '居民[[身份证|id]]号码：{}',
    'PRC Resident [[Identity Card|id]] {}',
    '內地證件 {}，請保密。',
    '号码{}已录入系统',
  ],
  credit_card: ['信用卡號：{}', 'Card no. {} exp 12/27', '请用尾号卡 {} [[支付|payment]]', '卡號 {} 已停用。', '{}'],
  phone: [
    '電話：{}',
    'Tel {}',
    '請致電 {} 聯絡陳先生',
    '联系电话{}',
    'WhatsApp me at {} 👍',
    '手機{}，晚上打',
    '{} (office)',
  ],
  email: ['電郵：{}', 'email me at {}.', '请发到{}', 'cc {}; thanks', '<{}>'],
}

/** Where a bare 8-digit number counts as a phone: a phone word right before it. */
export const BARE_PHONE_TEMPLATES = ['電話：{}', '手機 {}', 'Tel: {}', '联系电话：{}', 'WhatsApp {}']

/** Templates for the mainland / Hong Kong numbers written without a country code. */
export const BARE_FORMATTED_TEMPLATES = ['請打 {} 找我', 'call {} after 6pm', '{} 是辦公室號碼', '打给我 {}']

/** Keyword sentences in zh-Hant, zh-Hans and English. */
export const KEYWORD_SENTENCES = [
  '請於週五前簽署[[合約|contract]]。',
  '这份[[合同|contract]]需要盖章。',
  'The [[tenancy agreement|contract]] expires in June.',
  'Please review the [[contract|contract]] and the side [[agreement|contract]].',
  '雙方已簽[[協議書|contract]]',
  '[[租約|contract]]副本已寄出',
  '[[付款|payment]]已於今日完成。',
  '请确认[[汇款|payment]]金额。',
  'The [[payment|payment]] is overdue; see [[invoice|payment]] 12.',
  '[[轉數快|payment]]收款',
  '已[[轉賬|payment]]，請查收[[發票|payment]]。',
  'Send the [[wire transfer|payment]] details.',
  '[[護照|id]]副本',
  'copy of [[passport|id]] attached',
  '[[回乡证|id]]复印件',
  '醫生的[[診斷|medical]]證明',
  '附上[[病歷|medical]]。',
  '[[病历|medical]]和[[诊断|medical]]书',
  'The [[medical report|medical]] confirms the [[diagnosis|medical]].',
  'See [[medical records|medical]] from 2023.',
  '[[處方|medical]]藥物清單',
  'She was [[diagnosed|medical]] last year.',
]

/** Lines with no finding: chat, emoji, dates in words, and numbers that are not personal data. */
export const FILLER = [
  '好的，明白。',
  '收到🙏',
  '今晚七點開會，記得帶文件。',
  '明天上午十点在会议室见。',
  'Thanks, will follow up tomorrow.',
  '😂😂😂',
  '🎉 Congrats on closing the matter!',
  '案件已排期於下月聆訊。',
  'The hearing is listed for next month.',
  '请把草稿发给我看看。',
  '我哋聽日再傾。',
  'Noted with thanks 👌',
  '文件已上載到案件室。',
  'See the bundle, tab 3, page 45.',
  '颱風訊號八號，辦公室關閉。',
  'Lunch at 1pm? 🍜',
  '客戶希望盡快回覆。',
  '律师函已寄出。',
  'Draft v2 attached.',
  '會議記錄見附件。',
  'OK👍🏻',
  '请注意保密。',
  'Court fee HK$1,045 paid by cheque.',
  '第3段需要修改。',
  '下午三點半在中環見。',
]
