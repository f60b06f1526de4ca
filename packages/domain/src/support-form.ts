/*
 * The base report form, as data in the @suite/forms schema format (schemaVersion 1). The backend
 * serves it with the administrators' extension fields appended and validates every submission
 * against the version the device rendered; the app renders it with the form engine.
 */

const t = (zhHK: string, zhCN: string, en: string) => ({ 'zh-HK': zhHK, 'zh-CN': zhCN, en })
const opt = (value: string, zhHK: string, zhCN: string, en: string) => ({ value, label: t(zhHK, zhCN, en) })

/** Options of the "what kind of contact" field; values are `IdentifierKind`. */
const KIND_OPTIONS = [
  opt('phone', '電話號碼', '电话号码', 'Phone number'),
  opt('url', '網址 / 連結', '网址 / 链接', 'Web address / link'),
  opt('email', '電郵地址', '电子邮箱', 'Email address'),
  opt('account', '社交或通訊帳號', '社交或通讯账号', 'Social or messaging account'),
  opt('payment', '收款帳戶 (轉數快等)', '收款账户 (转数快等)', 'Payment id (FPS etc.)'),
]

/** The fields every report has; administrators add fields after these, never remove them. */
export const BASE_REPORT_FORM = {
  schemaVersion: 1 as const,
  title: t('回報可疑聯絡', '举报可疑联系', 'Report a suspicious contact'),
  submitLabel: t('送出回報', '提交举报', 'Send report'),
  fields: [
    {
      name: 'identifierKind',
      type: 'select' as const,
      required: true,
      label: t('對方用甚麼聯絡你？', '对方用什么联系你？', 'How did they contact you?'),
      options: KIND_OPTIONS,
    },
    {
      name: 'identifier',
      type: 'text' as const,
      required: true,
      maxLength: 500,
      label: t('號碼、連結、電郵或帳號', '号码、链接、邮箱或账号', 'Number, link, email or account'),
      help: t(
        '照抄對方給你的內容，例如 +852 9123 4567 或 https://…',
        '照抄对方给你的内容，例如 +852 9123 4567 或 https://…',
        'Copy exactly what they gave you, e.g. +852 9123 4567 or https://…',
      ),
    },
    {
      name: 'platform',
      type: 'text' as const,
      maxLength: 80,
      label: t('哪個平台或銀行？', '哪个平台或银行？', 'Which platform or bank?'),
      visibleWhen: { field: 'identifierKind', in: ['account', 'payment'] },
    },
    {
      name: 'channel',
      type: 'select' as const,
      required: true,
      label: t('經甚麼途徑？', '经什么途径？', 'Through which channel?'),
      options: [
        opt('call', '來電', '来电', 'Phone call'),
        opt('sms', '短訊', '短信', 'SMS'),
        opt('dingtalk', '釘釘訊息', '钉钉消息', 'DingTalk message'),
        opt('whatsapp', 'WhatsApp', 'WhatsApp', 'WhatsApp'),
        opt('wechat', '微信', '微信', 'WeChat'),
        opt('email', '電郵', '邮件', 'Email'),
        opt('web', '網站或搜尋結果', '网站或搜索结果', 'Website or search result'),
        opt('other', '其他', '其他', 'Other'),
      ],
    },
    {
      name: 'claimedIdentity',
      type: 'select' as const,
      required: true,
      label: t('對方自稱是誰？', '对方自称是谁？', 'Who did they claim to be?'),
      options: [
        opt('dingtalk_support', '釘釘客服', '钉钉客服', 'DingTalk customer service'),
        opt('firm_it', '本行資訊科技部', '本所 IT 部门', 'Our IT department'),
        opt('bank', '銀行', '银行', 'A bank'),
        opt('government', '政府或警方', '政府或警方', 'Government or police'),
        opt('courier', '速遞公司', '快递公司', 'A courier'),
        opt('other', '其他', '其他', 'Someone else'),
        opt('unknown', '沒有說', '没有说', 'They did not say'),
      ],
    },
    {
      name: 'askedFor',
      type: 'multiselect' as const,
      label: t('對方要求你做甚麼？', '对方要求你做什么？', 'What did they ask for?'),
      options: [
        opt('one_time_code', '驗證碼', '验证码', 'A one-time code'),
        opt('remote_login', '遙距登入', '远程登录', 'A remote login'),
        opt('screen_share', '分享螢幕', '共享屏幕', 'Screen sharing'),
        opt('app_install', '安裝程式', '安装应用', 'Installing an app'),
        opt('payment', '付款或轉賬', '付款或转账', 'A payment or transfer'),
        opt('password', '密碼', '密码', 'A password'),
        opt('bank_details', '銀行戶口或信用卡資料', '银行账户或银行卡信息', 'Bank account or card details'),
        opt('personal_data', '個人資料', '个人资料', 'Personal data'),
      ],
    },
    {
      name: 'complied',
      type: 'select' as const,
      required: true,
      label: t('你有照做嗎？', '你有照做吗？', 'Did you do what they asked?'),
      options: [
        opt('no', '沒有', '没有', 'No'),
        opt('partly', '做了一部分', '做了一部分', 'Partly'),
        opt('yes', '有', '有', 'Yes'),
      ],
    },
    {
      name: 'lossAmount',
      type: 'number' as const,
      min: 0,
      max: 1_000_000_000,
      label: t('損失金額', '损失金额', 'Amount lost'),
      visibleWhen: { field: 'complied', in: ['partly', 'yes'] },
    },
    {
      name: 'lossCurrency',
      type: 'select' as const,
      label: t('貨幣', '货币', 'Currency'),
      visibleWhen: { field: 'complied', in: ['partly', 'yes'] },
      options: [
        opt('HKD', '港元', '港元', 'HKD'),
        opt('MOP', '澳門元', '澳门元', 'MOP'),
        opt('CNY', '人民幣', '人民币', 'CNY'),
        opt('USD', '美元', '美元', 'USD'),
      ],
    },
    {
      name: 'occurredOn',
      type: 'date' as const,
      min: '2000-01-01',
      label: t('發生日期', '发生日期', 'Date it happened'),
    },
    {
      name: 'message',
      type: 'textarea' as const,
      maxLength: 5000,
      rows: 4,
      label: t('對方訊息原文', '对方消息原文', 'Their message, word for word'),
    },
    {
      name: 'details',
      type: 'textarea' as const,
      maxLength: 5000,
      rows: 3,
      label: t('其他經過', '其他经过', 'Anything else that happened'),
    },
    {
      name: 'screenshots',
      type: 'file' as const,
      maxFiles: 5,
      accept: ['image/*'],
      maxSizeMb: 5,
      label: t('截圖', '截图', 'Screenshots'),
      help: t('圖片會先在手機上壓縮', '图片会先在手机上压缩', 'Pictures are made smaller on your device first'),
    },
  ],
}

/** Names of the base fields; extension fields may not reuse them. */
export const BASE_REPORT_FIELD_NAMES: readonly string[] = BASE_REPORT_FORM.fields.map((f) => f.name)
