import type { ApiClient } from '@suite/api-client'
import { FormSchema, type FileRef } from '@suite/forms'
import { detectKind } from '@suite/scam-check'
import { shallowRef, watch } from 'vue'

const CACHE_KEY = 'suite-support-report:form'

/** A form version as the page uses it. */
export interface LoadedForm {
  version: number
  schema: FormSchema
}

function readCache(cache: Pick<Storage, 'getItem'> | null): LoadedForm | null {
  try {
    const raw = cache?.getItem(CACHE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as { version: number; schema: unknown }
    return { version: parsed.version, schema: FormSchema.parse(parsed.schema) }
  } catch {
    return null
  }
}

/** The form version last loaded on this device (what a refused report's field errors are named from), or null. */
export function readCachedReportForm(
  cache: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null,
): LoadedForm | null {
  return readCache(cache)
}

/** A screenshot picked on this device, kept until the outbox has uploaded it. */
export interface PickedFile {
  ref: FileRef
  blob: Blob
}

/**
 * The report form: the newest version from the server (IT may have added fields), else the
 * copy saved on the device, so a report can be written offline. Picked screenshots are kept
 * here by their local id until the report is handed to the outbox.
 */
export function useReportForm(
  api: Pick<ApiClient, 'support'>,
  cache: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null,
) {
  const form = shallowRef<LoadedForm | null>(readCache(cache))
  const offline = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const values = shallowRef<Record<string, unknown>>({ claimedIdentity: 'dingtalk_support', complied: 'no' })
  // The kind follows what is typed until the user picks one.
  let autoKind: unknown = undefined
  watch(
    () => values.value.identifier,
    (text) => {
      if (typeof text !== 'string' || !text.trim()) return
      const current = values.value.identifierKind
      if (current !== undefined && current !== autoKind) return
      const guess = detectKind(text)
      if (guess !== current) {
        autoKind = guess
        values.value = { ...values.value, identifierKind: guess }
      }
    },
  )
  const picked = new Map<string, PickedFile>()
  let seq = 0

  async function load(): Promise<void> {
    error.value = null
    try {
      const f = await api.support.form()
      form.value = { version: f.version, schema: FormSchema.parse(f.schema) }
      offline.value = false
      try {
        cache?.setItem(CACHE_KEY, JSON.stringify(f))
      } catch {
        /* the offline copy is a convenience */
      }
    } catch (e) {
      offline.value = true
      if (!form.value) error.value = e
    }
  }

  /** Keep a picked screenshot; returns the reference the form's value holds. */
  function pick(blob: Blob, name: string): FileRef {
    const ref: FileRef = {
      id: `local-${Date.now().toString(36)}-${++seq}`,
      name: name.slice(0, 300) || 'screenshot.jpg',
      size: blob.size,
      mime: blob.type || 'image/jpeg',
    }
    picked.set(ref.id, { ref, blob })
    return ref
  }

  /** The picked files a set of values still names, for the outbox. */
  function filesFor(v: Record<string, unknown>): { localId: string; name: string; mime: string; blob: Blob }[] {
    const refs = Array.isArray(v.screenshots) ? (v.screenshots as FileRef[]) : []
    return refs.flatMap((r) => {
      const p = picked.get(r.id)
      return p ? [{ localId: r.id, name: p.ref.name, mime: p.ref.mime, blob: p.blob }] : []
    })
  }

  function reset(): void {
    picked.clear()
    autoKind = undefined
    values.value = { claimedIdentity: 'dingtalk_support', complied: 'no' }
  }

  return { form, offline, error, values, load, pick, filesFor, reset }
}
