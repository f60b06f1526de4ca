import { createDingTalk, readCorpId } from '@suite/dingtalk'

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()
