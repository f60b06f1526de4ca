import { en } from './en'
import { zhCN } from './zh-CN'
import { zhHK } from './zh-HK'

/** The report app's messages per locale, for createSuiteI18n. */
export const messages = { 'zh-HK': zhHK, 'zh-CN': zhCN, en }
