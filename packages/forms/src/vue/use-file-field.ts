import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import type { FileRef } from '../schema'
import { fileAccepted } from '../validate'

/** Options of {@link useFileField}. */
export interface UseFileFieldOptions {
  value: MaybeRefOrGetter<unknown>
  maxFiles: MaybeRefOrGetter<number>
  accept: MaybeRefOrGetter<readonly string[] | undefined>
  upload: (file: File) => Promise<FileRef>
  update: (files: FileRef[]) => void
}

/**
 * The built-in file control: uploads picked files one by one through the app's `upload`
 * function and keeps the list of references. A failed upload leaves the list as it was.
 */
export function useFileField(o: UseFileFieldOptions) {
  const uploading = shallowRef(false)
  const failed = shallowRef(false)
  const files = computed<FileRef[]>(() => {
    const v = toValue(o.value)
    return Array.isArray(v) ? (v as FileRef[]) : []
  })
  const canAdd = computed(() => files.value.length < toValue(o.maxFiles) && !uploading.value)
  const acceptAttr = computed(() => toValue(o.accept)?.join(',') ?? '')

  /** Upload what the `<input type=file>` holds (files past the limit or of a refused type are skipped). */
  async function add(list: FileList | readonly File[] | null): Promise<void> {
    if (!list) return
    const room = toValue(o.maxFiles) - files.value.length
    const picked = Array.from(list)
      .filter((f) => fileAccepted(toValue(o.accept), { name: f.name, mime: f.type }))
      .slice(0, Math.max(room, 0))
    if (!picked.length) return
    uploading.value = true
    failed.value = false
    try {
      const added: FileRef[] = []
      for (const f of picked) added.push(await o.upload(f))
      o.update([...files.value, ...added])
    } catch {
      failed.value = true
    } finally {
      uploading.value = false
    }
  }

  /** Drop one file from the list (the stored blob is the app's business). */
  function remove(id: string): void {
    o.update(files.value.filter((f) => f.id !== id))
  }

  return { files, uploading, failed, canAdd, acceptAttr, add, remove }
}
