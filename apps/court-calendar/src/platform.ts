import { createDingTalk, readCorpId } from '@suite/dingtalk'
import { createSessionExpiry } from '@suite/ui'

/** Tells the sign-in gate when the server says the session has ended. */
export const sessionExpiry = createSessionExpiry()

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()
