import type { Session } from '@suite/domain'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'

/**
 * Who is signed in, and the DingTalk org to carry into DingTalk calls and the other apps'
 * links. The kernel's root component keeps it in step with the sign-in gate.
 */
export const useSessionStore = defineStore('session', () => {
  const session = shallowRef<Session | null>(null)
  /** `?corpId=` of the URL the app was opened with. */
  const urlCorpId = shallowRef<string | null>(null)

  const user = computed(() => session.value?.user ?? null)
  // Opened outside the workbench (dev sign-in), the session's org still names the corp.
  const corpId = computed(() => urlCorpId.value ?? session.value?.org.corpId ?? null)

  function setSession(next: Session | null): void {
    session.value = next
  }

  function setUrlCorpId(next: string | null): void {
    urlCorpId.value = next
  }

  return { session, urlCorpId, user, corpId, setSession, setUrlCorpId }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
