import type { ExternalRole, ExternalTier, InvitationCreate, InvitationCreated, Locale, User } from '@suite/domain'
import { parseInviteeContact } from '@suite/domain'
import type { CaseRoomApi } from '../api'
import { computed, reactive, shallowRef } from 'vue'

/** What the lawyer fills in to invite an outsider. */
export interface InviteForm {
  name: string
  role: ExternalRole
  tierCeiling: ExternalTier
  kind: 'date' | 'milestone'
  date: string
  milestoneId: string
  hours: number
  contact: string
  locale: Locale
  /** A person of the firm's DingTalk directory, when the invitee is one. */
  directoryUserId: string
}

/**
 * The invite dialog's form: its state, the contact check (a Hong Kong, Macau or mainland phone,
 * or an e-mail, the same rule as the server's), the firm directory search, and creating the
 * invitation. What was typed stays when the server refuses.
 */
export function useInviteForm(api: CaseRoomApi, caseId: string, ceiling: ExternalTier) {
  const form = reactive<InviteForm>({
    name: '',
    role: 'client',
    tierCeiling: ceiling,
    kind: 'date',
    date: '',
    milestoneId: '',
    hours: 72,
    contact: '',
    locale: 'zh-HK',
    directoryUserId: '',
  })
  const saving = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const created = shallowRef<InvitationCreated | null>(null)
  const directory = shallowRef<User[]>([])
  const contactOk = computed(() => parseInviteeContact(form.contact) !== null)
  /** Shown under the field once something was typed that is neither a phone nor an e-mail. */
  const contactInvalid = computed(() => form.contact.trim() !== '' && !contactOk.value)
  const valid = computed(
    () =>
      form.name.trim() !== '' && contactOk.value && (form.kind === 'date' ? form.date !== '' : form.milestoneId !== ''),
  )

  /** People of the firm's DingTalk directory whose name matches `q`. */
  async function searchDirectory(q: string): Promise<void> {
    try {
      const page = await api.users.list({ limit: 20, ...(q.trim() ? { q: q.trim() } : {}) })
      directory.value = page.items.filter((u) => u.dingtalkUserId && u.active)
    } catch {
      directory.value = []
    }
  }

  /** Picking a directory person fills in their name when none was typed. */
  function pickDirectory(id: string): void {
    form.directoryUserId = id
    const u = directory.value.find((x) => x.id === id)
    if (u && !form.name.trim()) form.name = u.name
  }

  async function submit(): Promise<boolean> {
    saving.value = true
    error.value = null
    try {
      const body: InvitationCreate = {
        name: form.name.trim(),
        role: form.role,
        tierCeiling: form.tierCeiling,
        linkValidHours: form.hours,
        contact: form.contact.trim(),
        locale: form.locale,
        accessExpiry:
          form.kind === 'date'
            ? { kind: 'date', date: form.date }
            : { kind: 'milestone', milestoneId: form.milestoneId as never },
        ...(form.directoryUserId ? { directoryUserId: form.directoryUserId } : {}),
      }
      created.value = await api.caseRoom.invitations.create(caseId, body)
      return true
    } catch (e) {
      error.value = e
      return false
    } finally {
      saving.value = false
    }
  }

  return { form, saving, error, created, directory, contactInvalid, valid, searchDirectory, pickDirectory, submit }
}
