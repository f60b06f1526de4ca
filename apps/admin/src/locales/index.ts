import { en } from './en'
import { zhCN } from './zh-CN'
import { zhHK } from './zh-HK'

/** The admin app's messages per locale, for createSuiteI18n. */
export const messages = { 'zh-HK': zhHK, 'zh-CN': zhCN, en }
