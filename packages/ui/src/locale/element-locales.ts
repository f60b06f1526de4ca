import type { Locale } from '@suite/domain'
import type { Language } from 'element-plus/es/locale'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import zhHk from 'element-plus/es/locale/lang/zh-hk'

/**
 * Element Plus strings per suite locale. Element Plus ships a zh-hk locale (Traditional
 * Chinese in Hong Kong usage, e.g. 資料 not 數據), closer to our users than zh-tw.
 */
export const ELEMENT_LOCALES: Record<Locale, Language> = {
  'zh-HK': zhHk,
  'zh-CN': zhCn,
  en,
}
