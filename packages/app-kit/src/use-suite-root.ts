import type { Session } from '@suite/domain'
import { SUITE_SESSION_METHOD, useLocale } from '@suite/ui'
import { computed, inject, provide, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { SUITE_KIT, type SuiteKit } from './kit'
import { useSessionStore } from './session-store'

function injectKit(): SuiteKit {
  const kit = inject(SUITE_KIT, null)
  if (!kit) throw new Error('useSuiteRoot: mount the root through createSuiteApp')
  return kit
}

/**
 * The root component's logic: Element Plus in the current language, the title kept in step
 * with DingTalk's navigation bar (or `document.title`), the session store kept in step with
 * the sign-in gate, and public pages (invitations) kept outside the gate.
 */
export function useSuiteRoot() {
  const kit = injectKit()
  const { t } = useI18n({ useScope: 'global' })
  const { elementLocale } = useLocale()
  const route = useRoute()
  const store = useSessionStore()

  const title = computed(() => t(kit.title))
  const isPublic = computed(() => route.meta.public === true)
  // The shell offers "use my DingTalk account" inside DingTalk only to someone signed in otherwise.
  provide(
    SUITE_SESSION_METHOD,
    computed(() => store.session?.method ?? null),
  )
  watch(
    title,
    (next) => {
      // DingTalk's navigation bar inside the client; the browser tab elsewhere.
      kit.dingtalk.setTitle(next).catch(() => {
        document.title = next
      })
    },
    { immediate: true },
  )

  function signedIn(session: Session): void {
    store.setSession(session)
    kit.onSignedIn(session)
  }

  function signedOut(): void {
    kit.onSignedOut()
    store.setSession(null)
  }

  return {
    elementLocale,
    title,
    isPublic,
    gateDeps: { api: kit.signInApi, dingtalk: kit.dingtalk },
    corpId: kit.urlCorpId,
    expiry: kit.expiry,
    Shell: kit.Shell,
    PublicView: kit.PublicView,
    signedIn,
    signedOut,
  }
}
