import type { FormSchemaInput } from './schema'

const t = (zhHK: string, zhCN: string, en: string) => ({ 'zh-HK': zhHK, 'zh-CN': zhCN, en })

/**
 * A form that uses every field type and every kind of condition. Tests of the engine, the
 * renderer and the server's low-code routes all use it.
 */
export const SAMPLE_FORM: FormSchemaInput = {
  schemaVersion: 1,
  title: t('可疑聯絡報告', '可疑联系报告', 'Suspicious contact report'),
  submitLabel: t('提交報告', '提交报告', 'Send report'),
  fields: [
    {
      name: 'channel',
      type: 'select',
      required: true,
      label: t('途徑', '途径', 'Channel'),
      options: [
        { value: 'phone', label: t('電話', '电话', 'Phone call') },
        { value: 'web', label: t('網站', '网站', 'Website') },
        { value: 'chat', label: t('聊天', '聊天', 'Chat') },
      ],
    },
    {
      name: 'phone',
      type: 'phone',
      required: true,
      label: t('來電號碼', '来电号码', 'Caller number'),
      visibleWhen: { field: 'channel', equals: 'phone' },
    },
    {
      name: 'url',
      type: 'url',
      required: true,
      label: t('網址', '网址', 'Web address'),
      visibleWhen: { field: 'channel', in: ['web', 'chat'] },
    },
    {
      name: 'claimed',
      type: 'text',
      required: true,
      minLength: 2,
      maxLength: 80,
      label: t('對方自稱', '对方自称', 'Claimed identity'),
      help: t('例如「釘釘客服」', '例如“钉钉客服”', 'For example "DingTalk customer service"'),
    },
    {
      name: 'asked',
      type: 'multiselect',
      minItems: 1,
      maxItems: 3,
      label: t('對方要求', '对方要求', 'What was asked'),
      options: [
        { value: 'code', label: t('驗證碼', '验证码', 'One-time code') },
        { value: 'screen', label: t('分享螢幕', '共享屏幕', 'Screen sharing') },
        { value: 'payment', label: t('付款', '付款', 'Payment') },
        { value: 'install', label: t('安裝程式', '安装程序', 'App install') },
      ],
    },
    {
      name: 'loss',
      type: 'number',
      min: 0,
      max: 10_000_000,
      label: t('損失金額 (港幣)', '损失金额 (港币)', 'Loss (HKD)'),
      visibleWhen: { field: 'asked', equals: 'payment' },
    },
    { name: 'when', type: 'date', required: true, min: '2020-01-01', label: t('日期', '日期', 'Date') },
    {
      name: 'caseRef',
      type: 'text',
      pattern: '[A-Z]{2,5} \\d{1,5}/\\d{4}',
      label: t('案件編號', '案件编号', 'Case number'),
      patternMessage: t('格式如 HCA 1234/2026', '格式如 HCA 1234/2026', 'Like HCA 1234/2026'),
    },
    { name: 'message', type: 'textarea', maxLength: 2000, label: t('訊息原文', '消息原文', 'Message as received') },
    { name: 'reviewer', type: 'person', label: t('覆核人', '复核人', 'Reviewer') },
    {
      name: 'screenshots',
      type: 'file',
      maxFiles: 3,
      accept: ['image/*', '.pdf'],
      maxSizeMb: 5,
      label: t('截圖', '截图', 'Screenshots'),
      visibleWhen: { field: 'claimed', notEmpty: true },
    },
  ],
}
