import type { PortalMessages } from './en'

export const zhHK: PortalMessages = {
  home: {
    greeting: '{name}，你好',
    intro: '請選擇要開啟的應用程式。',
    appsHeading: '應用程式',
    security: '我的雙重驗證：設定驗證器，以便進行解除道德牆等特權操作',
  },
  support: {
    title: '有人自稱「釘釘客服」聯絡你？',
    dingtalkBody: '釘釘在香港並沒有客服熱線，官方客服只可在釘釘應用程式內聯絡：',
    steps: { me: '我的', help: '幫助與反饋', contact: '聯繫客服' },
    reportBody:
      '其他自稱釘釘客服的來電、訊息或網站都可能是騙局。切勿提供驗證碼或遙距控制權限，請立即舉報，讓資訊科技部跟進。',
    reportLink: '舉報可疑聯絡',
  },
}
