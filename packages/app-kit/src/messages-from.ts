import { SUITE_LOCALES } from '@suite/domain'
import type { AppMessageLoaders } from './create-suite-app'

type MessageTree = Awaited<ReturnType<AppMessageLoaders['en']>>

/**
 * An app's message loaders from its locale modules, as `import.meta.glob` gives them: one file
 * per language (`locales/zh-HK.ts`, `locales/zh-CN.ts`, `locales/en.ts`), each exporting its
 * messages object. Each stays its own lazy chunk; only the language on screen is fetched.
 *
 * @throws Error when a language has no module, or its module exports no messages object (a build mistake).
 * @example
 * messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
 */
export function messagesFrom(modules: Record<string, () => Promise<unknown>>): AppMessageLoaders {
  const loaders = {} as AppMessageLoaders
  for (const locale of SUITE_LOCALES) {
    const path = Object.keys(modules).find((p) => p.endsWith(`/${locale}.ts`))
    if (!path)
      throw new Error(
        `messagesFrom: no locales/${locale}.ts among ${Object.keys(modules).join(', ') || 'the modules given'}`,
      )
    const load = modules[path]!
    loaders[locale] = async () => {
      const mod = (await load()) as Record<string, unknown>
      const tree = Object.values(mod).find((v) => typeof v === 'object' && v !== null)
      if (!tree) throw new Error(`messagesFrom: ${path} exports no messages object`)
      return tree as MessageTree
    }
  }
  return loaders
}
