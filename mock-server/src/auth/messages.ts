import { catalogue } from '../jobs/messages'

/**
 * What a person is told about their own sign-in security, in their language. A second factor
 * added or removed is announced to its owner: a thief with their session would not tell them.
 */
export const authText = catalogue({
  'zh-HK': {
    secondFactorAdded: {
      title: '已設定雙重驗證',
      body: '你的帳戶剛加入了驗證器。如果不是你本人操作，請立即聯絡資訊科技部。',
    },
    secondFactorRemoved: {
      title: '已移除雙重驗證',
      body: '你帳戶的驗證器及恢復碼剛被移除。如果不是你本人或資訊科技部操作，請立即聯絡資訊科技部。',
    },
  },
  'zh-CN': {
    secondFactorAdded: {
      title: '已设置双重验证',
      body: '你的账户刚添加了验证器。如果不是你本人操作，请立即联系 IT 部门。',
    },
    secondFactorRemoved: {
      title: '已移除双重验证',
      body: '你账户的验证器和恢复码刚被移除。如果不是你本人或 IT 部门操作，请立即联系 IT 部门。',
    },
  },
  en: {
    secondFactorAdded: {
      title: 'Two-step confirmation set up',
      body: 'An authenticator was just added to your account. If this was not you, contact IT at once.',
    },
    secondFactorRemoved: {
      title: 'Two-step confirmation removed',
      body: 'The authenticator and recovery codes of your account were just removed. If this was not you or IT, contact IT at once.',
    },
  },
})

/** The kind of every notification about a person's second factor. */
export const SECOND_FACTOR_KIND = 'security.second_factor'
