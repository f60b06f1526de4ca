import type { WrittenForm } from './forms-ids'
import { draw } from './forms-ids'
import { confirm, phoneE164 } from './oracles'
import type { Rng } from './rng'
import { toFullWidth, validNational } from './values'

/** Phone sentences that need no phone word (a country code or a grouping says enough). */
const PHONE_ANY = [
  '電話：{}',
  'WhatsApp me at {} 👍',
  '請致電 {} 聯絡陳先生',
  '{} (office)',
  '客戶 {}，晚上打',
  '{}',
  '打给我 {}',
]
/** A phone word right before the value: what a bare run of digits needs. */
const PHONE_WORD = ['電話：{}', 'Tel {}', '手機 {}', '联系电话：{}', 'WhatsApp: {}', '熱線 {}', 'Phone: {}', '傳真 {}']
/** `tel:` links. */
const TEL_LINK = ['<a href="tel:{}">致電</a>', '[call me](tel:{})', 'tel:{}', '撥打 tel:{} 查詢']
/** WhatsApp click-to-chat links. */
const WHATSAPP_LINK = [
  'https://wa.me/{}',
  '<a href="https://wa.me/{}?text=hi">WhatsApp</a>',
  'https://api.whatsapp.com/send?phone={}',
]
const EMAIL_ANY = ['電郵：{}', 'email me at {}.', '请发到{}', 'cc {}; thanks', '<{}>', '{}']
const MAILTO = ['<a href="mailto:{}">寫信</a>', '[mail](mailto:{})', 'mailto:{}?subject=case', '<mailto:{}>']

type Region = 'HK' | 'MO' | 'CN'

/** A national number of `region` that Google's libphonenumber calls valid. */
function national(rng: Rng, region: Region): string {
  const n = validNational(rng, region)
  confirm(phoneE164(n, region) !== null, `a valid ${region} number`, n)
  return n
}

/** A Hong Kong freephone number (800 + 6 digits). */
function freephone(rng: Rng): string {
  const n = `800${rng.digits(6)}`
  confirm(phoneE164(n, 'HK') !== null, 'a valid HK freephone number', n)
  return n
}

const g44 = (n: string, sep: string): string => `${n.slice(0, 4)}${sep}${n.slice(4)}`
const g344 = (n: string, sep: string): string => `${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`
const g333 = (n: string, sep: string): string => `${n.slice(0, 3)}${sep}${n.slice(3, 6)}${sep}${n.slice(6)}`

/** [form, region, writer, templates]: how a national number is written. */
const PHONE_WRITERS: Array<[string, Region | 'freephone', (n: string) => string, readonly string[]]> = [
  ['HK +852 space', 'HK', (n) => `+852 ${g44(n, ' ')}`, PHONE_ANY],
  ['HK +852 dash', 'HK', (n) => `+852-${g44(n, '-')}`, PHONE_ANY],
  ['HK +852 contiguous', 'HK', (n) => `+852${n}`, PHONE_ANY],
  ['HK 852 no plus, space', 'HK', (n) => `852 ${g44(n, ' ')}`, PHONE_ANY],
  ['HK 852 no plus, contiguous', 'HK', (n) => `852${n}`, PHONE_ANY],
  ['HK 852 no plus, dash', 'HK', (n) => `852-${g44(n, '-')}`, PHONE_ANY],
  ['HK (852) code', 'HK', (n) => `(852) ${g44(n, '-')}`, PHONE_ANY],
  ['HK (+852) code', 'HK', (n) => `(+852) ${g44(n, ' ')}`, PHONE_ANY],
  ['HK +(852) code', 'HK', (n) => `+(852) ${g44(n, '-')}`, PHONE_ANY],
  ['HK WhatsApp link wa.me/852…', 'HK', (n) => `852${n}`, WHATSAPP_LINK],
  ['HK 00852', 'HK', (n) => `00852 ${g44(n, ' ')}`, PHONE_ANY],
  ['HK no-break spaces', 'HK', (n) => `+852\u00a0${g44(n, '\u00a0')}`, PHONE_ANY],
  ['HK en dash', 'HK', (n) => `+852 ${g44(n, '–')}`, PHONE_ANY],
  ['HK dots', 'HK', (n) => `+852.${g44(n, '.')}`, PHONE_ANY],
  ['HK full-width', 'HK', (n) => toFullWidth(`+852 ${g44(n, ' ')}`).replace(/ /g, '\u3000'), PHONE_ANY],
  ['HK tel: +852', 'HK', (n) => `+852${n}`, TEL_LINK],
  ['HK tel: 852 no plus', 'HK', (n) => `852${n}`, TEL_LINK],
  ['HK tel: bare', 'HK', (n) => n, TEL_LINK],
  ['HK bare 4 4 (space)', 'HK', (n) => g44(n, ' '), PHONE_ANY],
  ['HK bare 4-4 (dash)', 'HK', (n) => g44(n, '-'), PHONE_ANY],
  ['HK bare no-break space', 'HK', (n) => g44(n, '\u00a0'), PHONE_ANY],
  ['HK bare dots after phone word', 'HK', (n) => g44(n, '.'), PHONE_WORD],
  ['HK bare contiguous after phone word', 'HK', (n) => n, PHONE_WORD],
  ['HK freephone +852 800', 'freephone', (n) => `+852 ${g333(n, ' ')}`, PHONE_ANY],
  ['HK freephone 852 800 no plus', 'freephone', (n) => `852 ${g333(n, ' ')}`, PHONE_ANY],
  ['HK freephone bare after phone word', 'freephone', (n) => g333(n, ' '), PHONE_WORD],
  ['HK freephone bare dashes after phone word', 'freephone', (n) => g333(n, '-'), PHONE_WORD],
  ['MO +853', 'MO', (n) => `+853 ${g44(n, ' ')}`, PHONE_ANY],
  ['MO 853 no plus', 'MO', (n) => `853 ${g44(n, ' ')}`, PHONE_ANY],
  ['MO 00853', 'MO', (n) => `00853 ${n}`, PHONE_ANY],
  ['MO (853) code', 'MO', (n) => `(853) ${g44(n, '-')}`, PHONE_ANY],
  ['CN +86 3-4-4', 'CN', (n) => `+86 ${g344(n, ' ')}`, PHONE_ANY],
  ['CN +86 dashes', 'CN', (n) => `+86-${g344(n, '-')}`, PHONE_ANY],
  ['CN 86 no plus', 'CN', (n) => `86 ${g344(n, ' ')}`, PHONE_ANY],
  ['CN 86 no plus, contiguous', 'CN', (n) => `86${n}`, PHONE_ANY],
  ['CN 0086', 'CN', (n) => `0086 ${g344(n, ' ')}`, PHONE_ANY],
  ['CN (+86) code', 'CN', (n) => `(+86) ${n}`, PHONE_ANY],
  ['CN tel: +86', 'CN', (n) => `+86${n}`, TEL_LINK],
  ['CN bare contiguous', 'CN', (n) => n, PHONE_ANY],
  ['CN bare 3-4-4', 'CN', (n) => g344(n, '-'), PHONE_ANY],
  ['CN bare 3 4 4 no-break spaces', 'CN', (n) => g344(n, '\u00a0'), PHONE_ANY],
]

const GIVEN = ['tm.chan', 'amy.wong', 'kelvin_lee', 'mary', 'j.ho', 'siu-ming', 'lawrence.cheung88', 'info', 'hr']
const DOMAINS = ['example.com', 'example.com.hk', 'lawfirm.hk', 'mail.example.org', 'example.mo', 'corp.example.cn']
const address = (rng: Rng): string => `${rng.pick(GIVEN)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(DOMAINS)}`

/** An image or file name that has an `@`: `logo@2x.png`, `banner@1.5x.jpeg`. */
function imageName(rng: Rng): string {
  const base = rng.pick(['logo', 'icon', 'photo', 'banner', 'avatar', 'sprite', 'hero-bg', 'btn_close'])
  return `${base}@${rng.pick(['2x', '3x', '1.5x', '4x'])}.${rng.pick(['png', 'webp', 'jpg', 'jpeg', 'gif', 'PNG', 'svg', 'avif'])}`
}

/** Every written form of phones and emails, and their hard negatives. */
export const CONTACT_FORMS: readonly WrittenForm[] = [
  ...PHONE_WRITERS.map(([form, region, write, templates]): WrittenForm => ({
    type: 'phone',
    form,
    positive: true,
    templates,
    make: (rng) => write(region === 'freephone' ? freephone(rng) : national(rng, region)),
  })),
  {
    type: 'phone',
    form: 'invalid number with +852',
    positive: false,
    templates: PHONE_ANY,
    make: (rng) =>
      `+852 ${g44(
        draw(
          () => rng.pick(['0', '1', '4', '8']) + rng.digits(7),
          (n) => phoneE164(n, 'HK') === null,
          'an invalid HK number',
        ),
        ' ',
      )}`,
  },
  {
    type: 'phone',
    form: 'bare contiguous, no phone word',
    positive: false,
    templates: ['Order {} shipped', '編號 {}', 'Ref {} 😀', '參考編號：{}', '{}'],
    make: (rng) => national(rng, 'HK'),
  },
  {
    type: 'phone',
    form: 'bare 800 number, no phone word',
    positive: false,
    templates: ['Total {} units', '數量 {}', 'Ref {}', '{}'],
    make: (rng) => g333(freephone(rng), rng.pick([' ', '-'])),
  },
  {
    type: 'phone',
    form: 'decimal with dots, no phone word',
    positive: false,
    templates: ['Weight {} kg', '比率 {}', '{}'],
    make: (rng) => g44(national(rng, 'HK'), '.'),
  },
  { type: 'email', form: 'plain', positive: true, templates: EMAIL_ANY, make: address },
  {
    type: 'email',
    form: 'upper case',
    positive: true,
    templates: EMAIL_ANY,
    make: (rng) => address(rng).toUpperCase(),
  },
  {
    type: 'email',
    form: 'plus tag',
    positive: true,
    templates: EMAIL_ANY,
    make: (rng) => address(rng).replace('@', `+case${rng.int(1, 999)}@`),
  },
  { type: 'email', form: 'mailto: link', positive: true, templates: MAILTO, make: address },
  {
    type: 'email',
    form: 'mailto: %40-encoded',
    positive: true,
    templates: MAILTO,
    make: (rng) => address(rng).replace('@', '%40'),
  },
  {
    type: 'email',
    form: 'image name name@2x.png',
    positive: false,
    templates: ['<img src="/img/{}">', '附件 {}', '![logo]({})', '{}', 'srcset="{} 2x"'],
    make: imageName,
  },
]
