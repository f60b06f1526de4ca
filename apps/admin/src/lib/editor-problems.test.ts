import { LabelPolicy } from '@suite/domain'
import { FormSchema } from '@suite/forms'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '../locales'
import { checkBody, problemsOf } from './document-kinds'
import { describeProblem } from './editor-problems'

const i18nIn = (locale: 'zh-HK' | 'zh-CN' | 'en') => {
  const i18n = createI18n({ legacy: false, locale, messages })
  return { t: i18n.global.t as (k: string, p?: Record<string, unknown>) => string, te: i18n.global.te }
}
const t3 = (s: string) => ({ 'zh-HK': s, 'zh-CN': s, en: s })

/** A form whose second field has an empty English label and an unknown type, and a missing schema version. */
const badForm = {
  title: t3('表格'),
  fields: [
    { name: 'subject', type: 'text', required: true, label: t3('主題') },
    {
      name: 'matter',
      type: 'text',
      label: { 'zh-HK': '相關案件編號', 'zh-CN': '相关案件编号', en: '' },
      maxLength: 'forty',
    },
    { name: 'subject', type: 'text', label: t3('重複') },
  ],
}

function described(locale: 'zh-HK' | 'zh-CN' | 'en', kind: string, body: Record<string, unknown>) {
  const r = checkBody(kind, body)
  if (r.ok) throw new Error('expected problems')
  return r.problems.map((p) => describeProblem(p, body, locale, i18nIn(locale)))
}

describe('the form editor says what is wrong in the reader’s language', () => {
  it('translates zod issue codes and paths (zh-HK), never showing zod’s English', () => {
    const zod = FormSchema.safeParse(badForm)
    expect(zod.success).toBe(false)
    const english = problemsOf(zod.error!).map((p) => p.message)
    const texts = described('zh-HK', 'form', badForm)
    const all = texts.map((x) => `${x.where}: ${x.what}`).join('\n')
    expect(all).toContain('格式版本: 必須填寫。')
    expect(all).toContain('欄位「相關案件編號」 › 最多字數: 必須是數字。')
    expect(all).toContain('欄位「相關案件編號」 › 標籤 › 英文: 不可留空。')
    for (const m of english) expect(all).not.toContain(m)
    expect(all).not.toMatch(/[A-Za-z]{4,}/)
  })

  it('says the same in Simplified Chinese and in English', () => {
    expect(described('zh-CN', 'form', badForm).map((x) => x.what)).toContain('必须填写。')
    const en = described('en', 'form', badForm).map((x) => `${x.where}: ${x.what}`)
    expect(en).toContain('Schema version: This must be filled in.')
  })

  it('translates the schemas’ own refinements (a duplicate field, a policy with a category on a non-keyword condition)', async () => {
    const dup = {
      schemaVersion: 1,
      title: t3('表格'),
      fields: [
        { name: 'a', type: 'text', label: t3('甲') },
        { name: 'a', type: 'text', label: t3('乙') },
      ],
    }
    expect(described('zh-HK', 'form', dup).map((x) => `${x.where}: ${x.what}`)).toContain(
      '欄位「乙」 › 名稱: 已有另一個欄位名為「a」。',
    )
    const policy = {
      schemaVersion: 1,
      defaultLabel: 'secret',
      rules: [{ id: 'ids', label: 'confidential', conditions: [{ type: 'hk_id', category: 'medical' }] }],
    }
    expect(LabelPolicy.safeParse(policy).success).toBe(false)
    const texts = described('zh-HK', 'classification_policy', policy).map((x) => `${x.where}: ${x.what}`)
    expect(texts.some((x) => x.startsWith('沒有規則成立時的標籤: 只可以是：'))).toBe(true)
    expect(texts).toContain('規則「ids」 › 條件 › 第 1 項 › 關鍵字類別: 關鍵字類別只適用於關鍵字條件。')
  })
})
