import { catalogue } from '../jobs/messages'

/** What the administration tells a person about their account, in their language; `{name}` is the administrator. */
export const usersText = catalogue({
  'zh-HK': {
    enrolmentCodeIssued: {
      title: '資訊科技部已發出設定碼',
      body: '{name} 為你的帳戶發出了一次性設定碼：請在「系統管理」應用的「我的雙重驗證」輸入，以設定驗證器。如果你沒有要求，請立即聯絡資訊科技部。',
    },
  },
  'zh-CN': {
    enrolmentCodeIssued: {
      title: 'IT 部门已发出设置码',
      body: '{name} 为你的账户发出了一次性设置码：请在“系统管理”应用的“我的双重验证”中输入，以设置验证器。如果你没有申请，请立即联系 IT 部门。',
    },
  },
  en: {
    enrolmentCodeIssued: {
      title: 'IT issued you a set-up code',
      body: '{name} issued a one-time set-up code for your account: enter it under "My two-step confirmation" in the Administration app to set up your authenticator. If you did not ask for it, contact IT at once.',
    },
  },
})
