import type { Locale } from '@suite/domain'
import { en, type SuiteMessages } from './en'
import { zhCN } from './zh-CN'
import { zhHK } from './zh-HK'

export type { SuiteMessages } from './en'

/** The shared messages of every locale. */
export const SUITE_MESSAGES: Record<Locale, SuiteMessages> = { 'zh-HK': zhHK, 'zh-CN': zhCN, en }
