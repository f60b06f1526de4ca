import type { ImportCommitResult, ImportFormat, ImportPreview } from '@suite/domain'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { AppDeps } from '@suite/app-kit'

/** A person's choice for one preview row. */
export interface RowChoice {
  include: boolean
  caseId: string
}

/**
 * The import flow: read a file (nothing saved), look at what matched, choose the case of each
 * ambiguous row or leave rows out, then save. The typed text survives a failed request.
 */
export function useImport(api: AppDeps['api']) {
  const form = reactive({ format: 'ical' as ImportFormat, text: '', date: '', lawyerIds: [] as string[] })
  const preview = shallowRef<ImportPreview | null>(null)
  const choices = ref<Record<number, RowChoice>>({})
  const result = shallowRef<ImportCommitResult | null>(null)
  const busy = shallowRef(false)
  const error = shallowRef<unknown>(null)

  async function read(): Promise<void> {
    busy.value = true
    error.value = null
    try {
      const p = await api.courtCalendar.imports.preview({
        format: form.format,
        text: form.text,
        ...(form.date ? { date: form.date } : {}),
        ...(form.lawyerIds.length ? { lawyerIds: form.lawyerIds } : {}),
      })
      preview.value = p
      choices.value = Object.fromEntries(
        p.rows.map((r) => [
          r.row,
          { include: r.status !== 'skipped', caseId: r.status === 'matched' ? (r.caseId ?? '') : '' },
        ]),
      )
    } catch (e) {
      error.value = e
    } finally {
      busy.value = false
    }
  }

  const chosen = computed(() =>
    (preview.value?.rows ?? []).filter((r) => r.status !== 'skipped' && choices.value[r.row]?.include),
  )
  const ready = computed(() => chosen.value.length > 0 && chosen.value.every((r) => choices.value[r.row]?.caseId))

  async function commit(): Promise<void> {
    const p = preview.value
    if (!p) return
    busy.value = true
    error.value = null
    try {
      const keep = new Set(chosen.value.map((r) => r.row))
      result.value = await api.courtCalendar.imports.commit(p.id, {
        resolutions: chosen.value
          .filter((r) => r.status === 'ambiguous')
          .map((r) => ({ row: r.row, caseId: choices.value[r.row]!.caseId as never })),
        skipRows: p.rows.filter((r) => r.status !== 'skipped' && !keep.has(r.row)).map((r) => r.row),
      })
    } catch (e) {
      error.value = e
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    preview.value = null
    result.value = null
    choices.value = {}
    form.text = ''
  }

  return { form, preview, choices, chosen, ready, result, busy, error, read, commit, reset }
}
