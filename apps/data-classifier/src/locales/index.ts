import { en } from './en'
import { zhCN } from './zh-CN'
import { zhHK } from './zh-HK'

/** The data classifier's messages in every locale at once, for tests (the app fetches only the language on screen: see ../app.ts). */
export const messages = { 'zh-HK': zhHK, 'zh-CN': zhCN, en }
