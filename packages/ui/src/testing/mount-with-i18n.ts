import type { Locale } from '@suite/domain'
import { mount } from '@vue/test-utils'
import { createSuiteI18n, type MessageTree } from '../locale/create-suite-i18n'

const noAppMessages: Record<Locale, MessageTree> = { 'zh-HK': {}, 'zh-CN': {}, en: {} }

/** Mounts a component with the suite's i18n installed, in zh-HK unless told otherwise. Test-only. */
export function mountWithI18n<C>(
  component: C,
  options: {
    props?: Record<string, unknown>
    slots?: Record<string, unknown>
    locale?: Locale
    /** Values to provide, e.g. `{ [SUITE_DINGTALK]: fakeDingTalk }`. */
    provide?: Record<string | symbol, unknown>
  } = {},
) {
  const i18n = createSuiteI18n(noAppMessages, { locale: options.locale ?? 'zh-HK' })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-utils' overloads do not accept a generic component
  const wrapper = mount(component as any, {
    props: options.props,
    slots: options.slots,
    global: { plugins: [i18n], provide: options.provide },
  })
  return { wrapper, i18n }
}
