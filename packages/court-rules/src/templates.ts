import type { CourtCalendar } from './calendar'
import type { IsoDate } from './dates'
import { computeDeadline, type DeadlineResult, type PeriodRule } from './deadline'

/**
 * Rule templates: a named deadline with its period, direction, anchor event and citation, as
 * data. Administrators edit them (the backend stores them versioned); the calculator reads
 * them. The bundled set below is a starting point, not legal advice: each citation says where
 * to check the wording.
 */

/** A name in each of the suite's languages. */
export interface LocalizedText {
  'zh-HK': string
  'zh-CN': string
  en: string
}

/**
 * The events a deadline can run from. A hearing is an event in the calendar; the others are
 * recorded as trigger events of a case ("writ served on 2 March").
 */
export const ANCHOR_EVENTS = [
  'hearing',
  'writ_served',
  'writ_posted',
  'ack_service_time_expired',
  'defence_served',
  'judgment',
  'master_decision',
  'order',
  'other',
] as const
/** One of {@link ANCHOR_EVENTS}. */
export type AnchorEvent = (typeof ANCHOR_EVENTS)[number]

/** A deadline rule as data. */
export interface RuleTemplate extends PeriodRule {
  /** Stable id (kebab-case); versions of one template share it. */
  id: string
  name: LocalizedText
  anchorEvent: AnchorEvent
  /** Where the rule is written, e.g. `RHC O.12 r.4(a)`. */
  citation: string
  notes?: LocalizedText
}

/** The templates the suite ships with. */
export const BUNDLED_TEMPLATES: readonly RuleTemplate[] = [
  {
    id: 'acknowledgment-of-service',
    name: { 'zh-HK': '送達認收書', 'zh-CN': '送达认收书', en: 'Acknowledgment of service' },
    period: 14,
    unit: 'days',
    direction: 'after',
    clear: false,
    ignoreShortPeriodRule: false,
    includeAnchorDay: true,
    anchorEvent: 'writ_served',
    citation: 'RHC O.12 r.4(a) (with O.12 r.1)',
    notes: {
      'zh-HK': '令狀在司法管轄區內送達後14天（包括送達當日）。',
      'zh-CN': '令状在司法管辖区内送达后14天（包括送达当日）。',
      en: '14 days after service of the writ within the jurisdiction, including the day of service.',
    },
  },
  {
    id: 'deemed-service-by-post',
    name: { 'zh-HK': '郵寄送達的當作送達日', 'zh-CN': '邮寄送达的视为送达日', en: 'Deemed service of a writ by post' },
    period: 7,
    unit: 'days',
    direction: 'after',
    clear: false,
    ignoreShortPeriodRule: true,
    closedDayRule: 'none',
    anchorEvent: 'writ_posted',
    citation: 'RHC O.10 r.1(3)(a) ("ignoring Order 3, rule 2(5)")',
    notes: {
      'zh-HK':
        '除非有相反證明，當作在寄出或投入信箱後第7天送達；不理會第3號命令第2(5)條規則。這是當作日期，不適用第3號命令第4條規則。',
      'zh-CN':
        '除非有相反证明，视为在寄出或投入信箱后第7天送达；不理会第3号命令第2(5)条规则。这是视为日期，不适用第3号命令第4条规则。',
      en: 'Unless the contrary is shown, served on the seventh day after posting or insertion through the letter box, ignoring O.3 r.2(5). A deemed date: O.3 r.4 does not move it.',
    },
  },
  {
    id: 'defence',
    name: { 'zh-HK': '送達抗辯書', 'zh-CN': '送达抗辩书', en: 'Service of defence' },
    period: 28,
    unit: 'days',
    direction: 'after',
    clear: false,
    ignoreShortPeriodRule: false,
    anchorEvent: 'ack_service_time_expired',
    citation: 'RHC O.18 r.2(1)',
    notes: {
      'zh-HK': '認收送達的限期屆滿後28天內。',
      'zh-CN': '认收送达的期限届满后28天内。',
      en: 'Within 28 days after the time limited for acknowledging service.',
    },
  },
  {
    id: 'reply',
    name: { 'zh-HK': '送達答覆書', 'zh-CN': '送达答复书', en: 'Service of reply' },
    period: 28,
    unit: 'days',
    direction: 'after',
    clear: false,
    ignoreShortPeriodRule: false,
    anchorEvent: 'defence_served',
    citation: 'RHC O.18 r.3(4)',
    notes: {
      'zh-HK': '抗辯書送達後28天內。',
      'zh-CN': '抗辩书送达后28天内。',
      en: 'Within 28 days after service of the defence.',
    },
  },
  {
    id: 'summons-service',
    name: { 'zh-HK': '送達傳票（2整天）', 'zh-CN': '送达传票（2整天）', en: 'Service of a summons (2 clear days)' },
    period: 2,
    unit: 'days',
    direction: 'before',
    clear: true,
    ignoreShortPeriodRule: false,
    anchorEvent: 'hearing',
    citation: 'RHC O.32 r.3',
    notes: {
      'zh-HK': '須在指定的聆訊日期前不少於2整天送達。',
      'zh-CN': '须在指定的聆讯日期前不少于2整天送达。',
      en: 'Served not less than 2 clear days before the day fixed for the hearing.',
    },
  },
  {
    id: 'appeal-from-master',
    name: { 'zh-HK': '就聆案官決定提出上訴', 'zh-CN': '就聆案官决定提出上诉', en: 'Appeal from a master to a judge' },
    period: 14,
    unit: 'days',
    direction: 'after',
    clear: false,
    ignoreShortPeriodRule: false,
    anchorEvent: 'master_decision',
    citation: 'RHC O.58 r.1(3)',
    notes: {
      'zh-HK': '上訴通知須在判決、命令或決定作出後14天內發出。',
      'zh-CN': '上诉通知须在判决、命令或决定作出后14天内发出。',
      en: 'Notice of appeal issued within 14 days after the judgment, order or decision.',
    },
  },
  {
    id: 'appeal-to-court-of-appeal',
    name: { 'zh-HK': '向上訴法庭提出上訴', 'zh-CN': '向上诉法庭提出上诉', en: 'Appeal to the Court of Appeal' },
    period: 28,
    unit: 'days',
    direction: 'after',
    clear: false,
    ignoreShortPeriodRule: false,
    anchorEvent: 'judgment',
    citation: 'RHC O.59 r.4(1)',
    notes: {
      'zh-HK': '上訴通知須在判決或命令日期後28天內送達（須先取得上訴許可的個案另計）。',
      'zh-CN': '上诉通知须在判决或命令日期后28天内送达（须先取得上诉许可的个案另计）。',
      en: 'Notice of appeal served within 28 days after the date of the judgment or order (cases needing leave differ).',
    },
  },
]

/** The period part of a template: what {@link computeDeadline} needs. */
export function periodOf(t: PeriodRule): PeriodRule {
  return {
    period: t.period,
    unit: t.unit ?? 'days',
    direction: t.direction,
    clear: Boolean(t.clear),
    ignoreShortPeriodRule: Boolean(t.ignoreShortPeriodRule),
    includeAnchorDay: Boolean(t.includeAnchorDay),
    closedDayRule: t.closedDayRule ?? 'roll',
  }
}

/** Apply a template to the date of its anchor event. */
export function applyTemplate(template: RuleTemplate, anchorDate: IsoDate, calendar: CourtCalendar): DeadlineResult {
  return computeDeadline({ ...periodOf(template), from: anchorDate }, calendar)
}

/** The bundled template with this id, if any. */
export function findBundledTemplate(id: string): RuleTemplate | undefined {
  return BUNDLED_TEMPLATES.find((t) => t.id === id)
}
