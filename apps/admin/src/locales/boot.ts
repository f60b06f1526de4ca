/**
 * The admin messages the first bundle needs (page title, not-allowed screen). The rest of the
 * admin messages (./index.ts) are fetched with the signed-in shell and merged in then.
 */
export const bootMessages = {
  en: {
    admin: {
      title: 'Administration',
      notAllowed: 'For IT and compliance only',
      notAllowedHint: 'Your role cannot use the administration screens. Ask your IT administrator if you need access.',
    },
  },
  'zh-HK': {
    admin: {
      title: '系統管理',
      notAllowed: '只限資訊科技及合規人員',
      notAllowedHint: '你的角色不能使用系統管理頁面。如需權限，請聯絡資訊科技管理員。',
    },
  },
  'zh-CN': {
    admin: {
      title: '系统管理',
      notAllowed: '仅限 IT 及合规人员',
      notAllowedHint: '你的角色不能使用系统管理页面。如需权限，请联系 IT 管理员。',
    },
  },
}
