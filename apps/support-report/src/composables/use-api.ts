import type { ApiClient } from '@suite/api-client'
import { inject, type InjectionKey } from 'vue'

/** Where App.vue provides the api client; tests provide a fake under the same key. */
export const API_KEY: InjectionKey<Pick<ApiClient, 'support'>> = Symbol('support-api')

/** The app's api client (the `support` resource), as provided by App.vue. */
export function useApi(): Pick<ApiClient, 'support'> {
  const api = inject(API_KEY, null)
  if (!api) throw new Error('useApi: no api client provided')
  return api
}
