import { useLatestAsync } from '@suite/app-kit'
import { isApiError } from '@suite/api-client'
import type { InvitationAccepted, InvitationCodeSent, InvitationPreview } from '@suite/domain'
import type { CaseRoomApi } from '../api'
import { computed, ref, shallowRef, watch } from 'vue'

/** What went wrong on the landing page, as a key under `invite.landing` (null: nothing, or an error to show as is). */
export type LandingProblem =
  'invalid' | 'tooManyCodes' | 'codeErrors.wrong' | 'codeErrors.expired' | 'codeErrors.too_many' | 'codeErrors.no_code'

const CODE_ERRORS = new Set(['wrong', 'expired', 'too_many', 'no_code'])

/** The key of an error the page explains in the reader's language, or null when it has no words of its own. */
export function landingProblem(e: unknown): LandingProblem | null {
  if (!isApiError(e)) return null
  if (e.code === 'not_found') return 'invalid'
  if (e.code === 'rate_limited') return 'tooManyCodes'
  const field = e.fields.find((f) => f.path === 'code')
  if (field && CODE_ERRORS.has(field.code)) return `codeErrors.${field.code}` as LandingProblem
  return null
}

/**
 * The invitation landing flow: first who invites to which matter (nothing else is shown until
 * the server vouches for the link), then a one-time code sent to the invitee, then accepting with
 * that code. `onAccepted` gets the new session.
 */
export function useInvitationLanding(
  api: CaseRoomApi,
  token: string,
  onAccepted: (r: InvitationAccepted) => Promise<void> | void,
) {
  const preview = useLatestAsync(
    (signal) => api.caseRoom.invitations.preview(token, { signal }),
    null as InvitationPreview | null,
  )
  const sent = shallowRef<InvitationCodeSent | null>(null)
  const code = ref('')
  const sending = shallowRef(false)
  const accepting = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const codeOk = computed(() => /^\d{6}$/.test(code.value.trim()))
  // A refusal describes the code that was sent; typing another one clears it.
  watch(code, () => {
    error.value = null
  })

  async function sendCode(): Promise<void> {
    sending.value = true
    error.value = null
    try {
      sent.value = await api.caseRoom.invitations.sendCode(token)
      code.value = ''
    } catch (e) {
      error.value = e
    } finally {
      sending.value = false
    }
  }

  async function accept(): Promise<void> {
    if (!codeOk.value) return
    accepting.value = true
    error.value = null
    try {
      await onAccepted(await api.caseRoom.invitations.accept(token, code.value.trim()))
    } catch (e) {
      error.value = e
    } finally {
      accepting.value = false
    }
  }

  return { preview, sent, code, codeOk, sending, accepting, error, sendCode, accept }
}
