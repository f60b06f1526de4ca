import type { PortalMessages } from './en'

export const zhCN: PortalMessages = {
  home: {
    greeting: '{name}，你好',
    intro: '请选择要打开的应用。',
    appsHeading: '应用',
    security: '我的双重验证：设置验证器，以便进行解除道德墙等特权操作',
  },
  support: {
    title: '有人自称“钉钉客服”联系你？',
    dingtalkBody: '钉钉在香港没有客服热线，官方客服只能在钉钉应用内联系：',
    steps: { me: '我的', help: '帮助与反馈', contact: '联系客服' },
    reportBody:
      '其他自称钉钉客服的来电、消息或网站都可能是骗局。切勿提供验证码或远程控制权限，请立即举报，让 IT 部门跟进。',
    reportLink: '举报可疑联系',
  },
}
