import type { SensitiveType } from '@suite/domain'
import { cnIdOk, confirm, hkIdOk, luhnOk, OracleError } from './oracles'
import type { Rng } from './rng'
import { AREAS, cnCheck, hkCheck, luhnComplete, toFullWidth } from './values'

/** A personal-data type the written-forms corpus labels. */
export type FormType = Exclude<SensitiveType, 'keyword'>

/** One way of writing a value, or a hard negative (`positive: false`: nothing in it may be found). */
export interface WrittenForm {
  type: FormType
  form: string
  positive: boolean
  /** Sentences the value is written in; `{}` is the value. */
  templates: readonly string[]
  /** One value in this form; positives are confirmed by the independent validators. */
  make(rng: Rng): string
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Draw until `ok`; a generator that cannot get there is broken, not unlucky. */
export function draw<T>(make: () => T, ok: (v: T) => boolean, what: string): T {
  for (let i = 0; i < 500; i++) {
    const v = make()
    if (ok(v)) return v
  }
  throw new OracleError(`corpus: could not draw ${what} the independent validator accepts`)
}

const TEMPLATES = {
  hk_id: [
    '香港身份證：{}',
    '客戶 {} 已核實',
    'HKID {}',
    'Please verify ID card no. {} before the meeting.',
    '證件號碼 {}（副本）',
    '{}',
    '😀 {} 收到',
  ],
  cn_id: ['居民身份证号码：{}', 'PRC ID {}', '内地证件 {}，请保密', '{}', '号码 {} 已录入', '當事人 {} 的資料已更新'],
  mo_id: ['澳門居民身份證：{}', 'Macau BIR {}', '編號 {} 已登記', '{}', '澳门居民身份证号码 {}。'],
  credit_card: [
    '信用卡號：{}',
    'Card no. {} exp 12/27',
    '卡號 {} 已停用',
    '{}',
    '请用尾号卡 {} 支付',
    'Visa {} (corporate)',
  ],
} as const

// ---- HKID -------------------------------------------------------------------------------

interface HkParts {
  p: string
  d: string
  c: string
}

function hkParts(rng: Rng): HkParts {
  return draw(
    () => {
      const p = rng.chance(0.2) ? rng.pick([...LETTERS]) + rng.pick([...LETTERS]) : rng.pick([...LETTERS])
      const d = rng.digits(6)
      return { p, d, c: hkCheck(p, d) }
    },
    (x) => hkIdOk(x.p + x.d + x.c),
    'an HKID',
  )
}

const HK_WRITERS: Record<string, (x: HkParts) => string> = {
  paren: ({ p, d, c }) => `${p}${d}(${c})`,
  'paren full-width': ({ p, d, c }) => `${p}${d}（${c}）`,
  'no bracket': ({ p, d, c }) => `${p}${d}${c}`,
  dash: ({ p, d, c }) => `${p}${d}-${c}`,
  spaced: ({ p, d, c }) => `${p} ${d} (${c})`,
  'space before paren': ({ p, d, c }) => `${p}${d} (${c})`,
  square: ({ p, d, c }) => `${p}${d}[${c}]`,
  'square full-width': ({ p, d, c }) => `${p}${d}［${c}］`,
  'lenticular 【】': ({ p, d, c }) => `${p}${d}【${c}】`,
  curly: ({ p, d, c }) => `${p}${d}{${c}}`,
  'tortoise 〔〕': ({ p, d, c }) => `${p}${d}〔${c}〕`,
  'lower case': ({ p, d, c }) => `${p.toLowerCase()}${d}(${c.toLowerCase()})`,
  'lower case dash': ({ p, d, c }) => `${p.toLowerCase()}${d}-${c.toLowerCase()}`,
  'full-width': ({ p, d, c }) => toFullWidth(`${p}${d}(${c})`),
  'full-width dash': ({ p, d, c }) => toFullWidth(`${p}${d}-${c}`),
  'no-break spaces': ({ p, d, c }) => `${p}\u00a0${d}\u00a0(${c})`,
  'ideographic spaces': ({ p, d, c }) => `${p}\u3000${d}\u3000（${c}）`,
}

function hkWrong(rng: Rng): HkParts {
  const x = hkParts(rng)
  const c = rng.pick([...'0123456789A'].filter((ch) => ch !== x.c))
  confirm(!hkIdOk(x.p + x.d + c), 'an HKID failing its check', x.p + x.d + c)
  return { ...x, c }
}

// ---- Mainland ID ------------------------------------------------------------------------

function cnValid(rng: Rng, wantX = false): string {
  return draw(
    () => {
      const date = new Date(Date.UTC(rng.int(1935, 2008), rng.int(0, 11), rng.int(1, 28)))
      const s17 = `${rng.pick(AREAS)}${date.toISOString().slice(0, 10).replace(/-/g, '')}${rng.digits(3)}`
      return s17 + cnCheck(s17)
    },
    (id) => cnIdOk(id) && (!wantX || id.endsWith('X')),
    'a mainland ID',
  )
}

const group = (id: string, sizes: number[], sep: string): string => {
  const out: string[] = []
  let at = 0
  for (const n of sizes) {
    out.push(id.slice(at, at + n))
    at += n
  }
  return out.join(sep)
}

const CN_WRITERS: Record<string, (id: string) => string> = {
  contiguous: (id) => id,
  'spaces 6-8-4': (id) => group(id, [6, 8, 4], ' '),
  'dashes 6-8-4': (id) => group(id, [6, 8, 4], '-'),
  'spaces 6-4-4-4': (id) => group(id, [6, 4, 4, 4], ' '),
  'no-break spaces 6-8-4': (id) => group(id, [6, 8, 4], '\u00a0'),
  'ideographic spaces 6-8-4': (id) => group(id, [6, 8, 4], '\u3000'),
  'en dashes 6-8-4': (id) => group(id, [6, 8, 4], '–'),
  'full-width': (id) => toFullWidth(id),
}

// ---- Cards --------------------------------------------------------------------------------

const SCHEMES = [
  ['4', 16],
  ['51', 16],
  ['55', 16],
  ['2221', 16],
  ['62', 16],
  ['62', 19],
  ['3530', 16],
  ['6011', 16],
] as const

function cardDigits(rng: Rng, amex = false): string {
  return draw(
    () => {
      const [prefix, length] = amex
        ? rng.pick([
            ['34', 15],
            ['37', 15],
          ] as const)
        : rng.pick(SCHEMES)
      return luhnComplete(prefix + rng.digits(length - prefix.length - 1))
    },
    luhnOk,
    'a card number',
  )
}

const fours = (n: string, sep: string): string => n.match(/.{1,4}/g)!.join(sep)
const CARD_WRITERS: Record<string, (n: string) => string> = {
  contiguous: (n) => n,
  spaces: (n) => fours(n, ' '),
  dashes: (n) => fours(n, '-'),
  dots: (n) => fours(n, '.'),
  'no-break spaces': (n) => fours(n, '\u00a0'),
  'en dashes': (n) => fours(n, '–'),
  'full-width': (n) => toFullWidth(fours(n, ' ')).replace(/ /g, '\u3000'),
}

// ---- Macau BIR ----------------------------------------------------------------------------

const MO_WRITERS: Record<string, (f: string, b: string, l: string) => string> = {
  paren: (f, b, l) => `${f}${b}(${l})`,
  'paren full-width': (f, b, l) => `${f}${b}（${l}）`,
  slashes: (f, b, l) => `${f}/${b}/${l}`,
  square: (f, b, l) => `${f}${b}[${l}]`,
  'lenticular 【】': (f, b, l) => `${f}${b}【${l}】`,
  'space before paren': (f, b, l) => `${f}${b} (${l})`,
}

const entries = <T>(o: Record<string, T>): Array<[string, T]> => Object.entries(o)

/** Every written form of HKIDs, mainland IDs, cards and Macau BIRs, and their hard negatives. */
export const ID_FORMS: readonly WrittenForm[] = [
  ...entries(HK_WRITERS).map(([form, w]): WrittenForm => ({
    type: 'hk_id',
    form,
    positive: true,
    templates: TEMPLATES.hk_id,
    make: (rng) => w(hkParts(rng)),
  })),
  {
    type: 'hk_id',
    form: 'wrong check digit (any form)',
    positive: false,
    templates: TEMPLATES.hk_id,
    make: (rng) => rng.pick(Object.values(HK_WRITERS))(hkWrong(rng)),
  },
  {
    type: 'hk_id',
    form: 'glued to a code (PO-…, REF_…)',
    positive: false,
    templates: TEMPLATES.hk_id,
    make: (rng) => `${rng.pick(['PO-', 'REF_', 'INV-', 'X-'])}${HK_WRITERS.dash!(hkParts(rng))}`,
  },
  ...entries(CN_WRITERS).map(([form, w]): WrittenForm => ({
    type: 'cn_id',
    form,
    positive: true,
    templates: TEMPLATES.cn_id,
    make: (rng) => w(cnValid(rng)),
  })),
  {
    type: 'cn_id',
    form: 'lower-case x',
    positive: true,
    templates: TEMPLATES.cn_id,
    make: (rng) => rng.pick(Object.values(CN_WRITERS).slice(0, 4))(cnValid(rng, true)).replace('X', 'x'),
  },
  {
    type: 'cn_id',
    form: 'wrong check character (any form)',
    positive: false,
    templates: TEMPLATES.cn_id,
    make: (rng) => {
      const id = cnValid(rng)
      const bad = id.slice(0, 17) + rng.pick([...'0123456789X'].filter((c) => c !== id[17]))
      confirm(!cnIdOk(bad), 'a mainland ID failing its check', bad)
      return rng.pick(Object.values(CN_WRITERS))(bad)
    },
  },
  {
    type: 'cn_id',
    form: 'impossible birth date, right check',
    positive: false,
    templates: TEMPLATES.cn_id,
    make: (rng) => {
      const y = rng.int(1950, 2005)
      const s17 = `${rng.pick(AREAS)}${rng.pick([`${y}0230`, `${y}0431`, `${y - (y % 4) + 1}0229`, `${y}1315`, `${y}0000`])}${rng.digits(3)}`
      const bad = s17 + cnCheck(s17)
      confirm(!cnIdOk(bad), 'a mainland ID with an impossible birth date', bad)
      return rng.pick(Object.values(CN_WRITERS))(bad)
    },
  },
  ...entries(CARD_WRITERS).map(([form, w]): WrittenForm => ({
    type: 'credit_card',
    form,
    positive: true,
    templates: TEMPLATES.credit_card,
    make: (rng) => w(cardDigits(rng)),
  })),
  {
    type: 'credit_card',
    form: 'Amex 4-6-5',
    positive: true,
    templates: TEMPLATES.credit_card,
    make: (rng) => {
      const n = cardDigits(rng, true)
      return `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`
    },
  },
  {
    type: 'credit_card',
    form: 'failing Luhn (any form)',
    positive: false,
    templates: TEMPLATES.credit_card,
    make: (rng) => {
      const n = cardDigits(rng)
      const bad = n.slice(0, -1) + String((Number(n.slice(-1)) + rng.int(1, 9)) % 10)
      confirm(!luhnOk(bad), 'a card number failing Luhn', bad)
      return rng.pick(Object.values(CARD_WRITERS))(bad)
    },
  },
  ...entries(MO_WRITERS).map(([form, w]): WrittenForm => ({
    type: 'mo_id',
    form,
    positive: true,
    templates: TEMPLATES.mo_id,
    make: (rng) => w(rng.pick(['1', '5', '7']), rng.digits(6), rng.digits(1)),
  })),
  {
    type: 'mo_id',
    form: 'first digit not 1, 5 or 7',
    positive: false,
    templates: TEMPLATES.mo_id,
    make: (rng) =>
      rng.pick(Object.values(MO_WRITERS))(rng.pick(['2', '3', '4', '6', '8', '9']), rng.digits(6), rng.digits(1)),
  },
]
