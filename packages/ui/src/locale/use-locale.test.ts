import { mount } from '@vue/test-utils'
import dayjs from 'dayjs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { formatDate } from '../dates/format'
import { createSuiteI18n } from './create-suite-i18n'
import { LOCALE_STORAGE_KEY, detectLocale, localeFromLanguageTag } from './detect-locale'
import { LOCALE_MESSAGES, useLocale } from './use-locale'

const appMessages = {
  'zh-HK': { demo: { hello: '你好' } },
  'zh-CN': { demo: { hello: '你好（简）' } },
  en: { demo: { hello: 'Hello', onlyEnglish: 'Only in English' } },
}

/** Runs useLocale inside a mounted component of an app with the suite's i18n. */
function setup(options: Parameters<typeof createSuiteI18n>[1] = {}, provide: Record<symbol, unknown> = {}) {
  const i18n = createSuiteI18n(appMessages, options)
  let result!: ReturnType<typeof useLocale>
  mount(
    defineComponent({
      setup: () => {
        result = useLocale()
        return () => null
      },
    }),
    { global: { plugins: [i18n], provide } },
  )
  return { i18n, ...result }
}

beforeEach(() => {
  localStorage.clear()
  document.documentElement.lang = ''
})

describe('createSuiteI18n', () => {
  it('starts in the stored locale and applies it to dayjs and <html lang>', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'zh-CN')
    const { i18n, locale, elementLocale } = setup()
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(locale.value).toBe('zh-CN')
    expect(elementLocale.value.name).toBe('zh-cn')
    expect(dayjs.locale()).toBe('zh-cn')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('ignores a stored value that is not a suite locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    const { i18n } = setup()
    // happy-dom's navigator.language is en-US
    expect(i18n.global.locale.value).toBe('en')
  })

  it('merges shared and app messages, falling back to English', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { i18n } = setup({ locale: 'zh-HK' })
    const { t } = i18n.global
    expect(t('demo.hello')).toBe('你好')
    expect(t('shell.signOut')).toBe('登出')
    expect(t('demo.onlyEnglish')).toBe('Only in English')
    warn.mockRestore()
  })
})

describe('useLocale().setLocale', () => {
  it('switches vue-i18n, Element Plus, dayjs, <html lang> and remembers the choice', () => {
    const { i18n, locale, elementLocale, setLocale } = setup({ locale: 'zh-HK' })
    expect(elementLocale.value.name).toBe('zh-hk')
    expect(formatDate('2026-03-02')).toBe('2026年3月2日')

    setLocale('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(locale.value).toBe('en')
    expect(i18n.global.t('shell.signOut')).toBe('Sign out')
    expect(elementLocale.value.name).toBe('en')
    expect(dayjs.locale()).toBe('en')
    expect(formatDate('2026-03-02')).toBe('2 Mar 2026')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')

    setLocale('zh-CN')
    expect(i18n.global.t('shell.signOut')).toBe('退出登录')
    expect(elementLocale.value.name).toBe('zh-cn')
    expect(dayjs.locale()).toBe('zh-cn')
  })

  it("with an app that fetches its messages per language, switches once the new language's messages are merged", async () => {
    let arrive!: () => void
    const loadMessages = vi.fn(
      (locale: string) =>
        new Promise<void>((resolve) => {
          arrive = () => {
            i18n.global.mergeLocaleMessage(locale, { demo: { late: 'Arrived' } })
            resolve()
          }
        }),
    )
    const { i18n, setLocale } = setup({ locale: 'zh-HK' }, { [LOCALE_MESSAGES as symbol]: loadMessages })
    setLocale('en')
    expect(loadMessages).toHaveBeenCalledWith('en')
    expect(i18n.global.locale.value).toBe('zh-HK')
    arrive()
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('en'))
    expect(i18n.global.t('demo.late')).toBe('Arrived')
    expect(document.documentElement.lang).toBe('en')
  })

  it('is picked up by the next page load', () => {
    setup({ locale: 'zh-HK' }).setLocale('zh-CN')
    expect(setup().locale.value).toBe('zh-CN')
  })
})

describe('detectLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-HK', 'zh-HK'],
    ['zh-TW', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['zh-Hant-CN', 'zh-HK'],
    ['zh', 'zh-HK'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', null],
  ])('maps %s to %s', (tag, expected) => {
    expect(localeFromLanguageTag(tag)).toBe(expected)
  })

  it('prefers a stored choice, then the first mappable browser language, then zh-HK', () => {
    expect(detectLocale('en', ['zh-CN'])).toBe('en')
    expect(detectLocale(null, ['fr', 'zh-CN', 'en'])).toBe('zh-CN')
    expect(detectLocale(null, ['fr', 'de'])).toBe('zh-HK')
    expect(detectLocale(undefined, [])).toBe('zh-HK')
  })
})
