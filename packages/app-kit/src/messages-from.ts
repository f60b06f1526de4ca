import { SUITE_LOCALES } from '@suite/domain'
import type { AppMessageLoaders } from './create-suite-app'

/**
 * An app's message loaders from its locale modules, as `import.meta.glob` gives them: one file
 * per language (`./locales/zh-HK.ts`, `./locales/zh-CN.ts`, `./locales/en.ts`), each exporting
 * its messages object. Each stays its own lazy chunk; only the language on screen is fetched.
 * A language without its file fails when it is loaded, with the file named.
 *
 * @example
 * messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
 */
export function messagesFrom(modules: Record<string, () => Promise<unknown>>): AppMessageLoaders {
  const loaders = {} as AppMessageLoaders
  for (const locale of SUITE_LOCALES) {
    const file = `./locales/${locale}.ts`
    loaders[locale] = async () => {
      const mod = (await modules[file]?.()) as Record<string, AppMessageLoaders['en']> | undefined
      const tree = mod && Object.values(mod)[0]
      if (!tree) throw new Error(`No messages in ${file}`)
      return tree as unknown as Awaited<ReturnType<AppMessageLoaders['en']>>
    }
  }
  return loaders
}
