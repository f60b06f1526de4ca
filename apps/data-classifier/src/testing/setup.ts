import { APP_DEPS, type AppDeps } from '@suite/app-kit'
import { createSuiteI18n } from '@suite/ui'
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { messages } from '../locales'
import type { KeyValueStorage } from '../composables/use-wizard-persistence'
import type { StoredFinding } from '../lib/types'
import { scanItem } from '../workers/scan-job'

/** A fresh Pinia, made active, for a test. */
export function freshPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

/** An API client with no methods: a page that reaches the server in a test fails loudly (tests pass the calls as props). */
const noApi = { classifier: {} } as AppDeps['api']

/** Mount with Pinia, the suite's i18n (zh-HK unless told otherwise) and the app's dependencies. */
export function mountWith<C extends Component>(component: C, pinia: Pinia, options: ComponentMountingOptions<C> & { locale?: 'zh-HK' | 'zh-CN' | 'en' } = {}) {
  const { locale, ...rest } = options
  const provide = { [APP_DEPS as symbol]: { api: noApi } satisfies AppDeps }
  return mount(component, { attachTo: document.body, ...rest, global: { plugins: [pinia, createSuiteI18n(messages, { locale: locale ?? 'zh-HK' })], provide, ...(rest.global ?? {}) } } as ComponentMountingOptions<C>)
}

/** An in-memory stand-in for IndexedDB. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => { data.set(k, structuredClone(v)) },
    del: async (k) => { data.delete(k) },
  }
}

/** Findings of a text, as the worker would send them. */
export async function findingsOf(text: string): Promise<StoredFinding[]> {
  return (await scanItem({ sourceId: 'x', name: 'x.txt', kind: 'pasted', file: null, text })).findings
}

/** Wait for pending promises and Vue updates. */
export const settle = async (): Promise<void> => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)) }
