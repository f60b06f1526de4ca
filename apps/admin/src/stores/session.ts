import type { Session } from '@suite/domain'
import { ADMIN_ROLES } from '@suite/domain'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'

/** Who is signed in, the DingTalk org (for a DingTalk step-up), and whether they may administer. */
export const useSessionStore = defineStore('session', () => {
  const session = shallowRef<Session | null>(null)
  const urlCorpId = shallowRef<string | null>(null)

  const user = computed(() => session.value?.user ?? null)
  const corpId = computed(() => urlCorpId.value ?? session.value?.org.corpId ?? null)
  const isAdmin = computed(() => !!user.value && ADMIN_ROLES.includes(user.value.role))

  function setSession(next: Session | null): void {
    session.value = next
  }

  function setUrlCorpId(next: string | null): void {
    urlCorpId.value = next
  }

  return { session, urlCorpId, user, corpId, isAdmin, setSession, setUrlCorpId }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
