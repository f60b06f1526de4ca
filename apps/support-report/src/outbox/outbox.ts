import type { FieldError, ReportSubmission } from '@suite/domain'

/** Where a queued report is: waiting (or between attempts), acknowledged, or refused for good. */
export type OutboxState = 'queued' | 'sent' | 'rejected'

/** A screenshot kept on the device until the server has it. */
export interface OutboxFile {
  /** Id the form's value uses until the upload answers with the content hash. */
  localId: string
  name: string
  mime: string
  blob: Blob
  /** The server's id (SHA-256) once uploaded. */
  uploadedId: string | null
}

/** One report on the device. `key` is its Idempotency-Key, the same for every attempt. */
export interface OutboxItem {
  key: string
  formVersion: number
  values: Record<string, unknown>
  files: OutboxFile[]
  /** When the reporter pressed send. */
  reportedAt: string
  state: OutboxState
  attempts: number
  /** Epoch ms of the next attempt. */
  nextAttemptAt: number
  lastError: { code: string; message: string; fields: FieldError[] } | null
  /** The server's report id once acknowledged. */
  reportId: string | null
  /** What to show in lists before the server answers. */
  summary: string
}

/** Durable storage of the queue (IndexedDB in the app, memory in tests). */
export interface OutboxStore {
  list(): Promise<OutboxItem[]>
  put(item: OutboxItem): Promise<void>
  remove(key: string): Promise<void>
}

/** How the outbox reaches the server. Both calls may be repeated safely. */
export interface OutboxTransport {
  upload(file: Blob): Promise<{ id: string }>
  submit(key: string, body: ReportSubmission): Promise<{ id: string }>
}

/** A report as the form hands it over. */
export interface OutboxDraft {
  formVersion: number
  values: Record<string, unknown>
  files?: Omit<OutboxFile, 'uploadedId'>[]
  summary: string
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  store: OutboxStore
  transport: OutboxTransport
  newKey: () => string
  now?: () => number
  random?: () => number
  /** First wait after a failed attempt; doubled per attempt up to `maxDelayMs`, with jitter. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Called with the whole queue after every change. */
  onChange?: (items: OutboxItem[]) => void
  /** Timer of the next attempt; injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => () => void
}

/** The shape of an `ApiError` as far as the outbox cares. */
interface ErrorLike {
  status?: number
  code?: string
  message?: string
  fields?: FieldError[]
}

/**
 * Whether a failure is worth another attempt. No answer at all, a timeout, 408, 429 and 5xx
 * may pass; so may 401 (the session lapsed: it comes back after sign-in). Any other 4xx is
 * the server refusing this report, and repeating it would not help.
 */
export function isTransient(e: unknown): boolean {
  const { status, code } = (e ?? {}) as ErrorLike
  if (code === 'network_error' || code === 'timeout' || code === 'cancelled' || status === undefined || status === 0)
    return true
  return status === 401 || status === 408 || status === 429 || status >= 500
}

const copy = (item: OutboxItem): OutboxItem => ({
  ...item,
  values: structuredClone(item.values),
  files: item.files.map((f) => ({ ...f })),
  lastError: item.lastError && { ...item.lastError },
})

/**
 * The "nothing lost" queue of reports. A report is written to the store before anything is
 * sent; it leaves the `queued` state only when the server acknowledges it (or refuses it
 * with a 4xx, which is shown to the reporter with the reasons). Every attempt reuses the
 * report's Idempotency-Key, so a report that reached the server while its answer was lost is
 * not stored twice. Attempts back off exponentially; `online` events and a new start (a
 * reload) try again at once.
 */
export function createOutbox(o: OutboxOptions) {
  const now = o.now ?? Date.now
  const random = o.random ?? Math.random
  const base = o.baseDelayMs ?? 2000
  const max = o.maxDelayMs ?? 5 * 60_000
  const setTimer =
    o.setTimer ??
    ((fn, ms) => {
      const id = setTimeout(fn, ms)
      return () => clearTimeout(id)
    })
  let items = new Map<string, OutboxItem>()
  let loaded: Promise<void> | null = null
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  let cancelTimer: (() => void) | null = null
  const detach: (() => void)[] = []
  /** Who waits for a report's first answer ({@link firstAttempt}). */
  const waiters = new Set<(item: OutboxItem) => void>()

  const snapshot = () => [...items.values()].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt)).map(copy)
  const changed = () => o.onChange?.(snapshot())

  async function save(item: OutboxItem): Promise<void> {
    // A stopped outbox (the page went away) must not overwrite what its successor stores.
    if (stopped) return
    items.set(item.key, item)
    await o.store.put(copy(item))
    changed()
    for (const w of [...waiters]) w(item)
  }

  function load(): Promise<void> {
    loaded ??= o.store.list().then((list) => {
      items = new Map(list.map((i) => [i.key, i]))
      changed()
    })
    return loaded
  }

  function delay(attempts: number): number {
    const ceiling = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
    return Math.round(ceiling / 2 + random() * (ceiling / 2))
  }

  async function attempt(item: OutboxItem): Promise<void> {
    const next = copy(item)
    try {
      for (const f of next.files) {
        if (f.uploadedId) continue
        f.uploadedId = (await o.transport.upload(f.blob)).id
        await save(copy(next))
      }
      const values = structuredClone(next.values)
      const shots = values.screenshots
      if (Array.isArray(shots)) {
        values.screenshots = shots.map((s: { id: string }) => ({
          ...s,
          id: next.files.find((f) => f.localId === s.id)?.uploadedId ?? s.id,
        }))
      }
      const ack = await o.transport.submit(next.key, {
        formVersion: next.formVersion,
        values,
        reportedAt: next.reportedAt,
      })
      await save({ ...next, state: 'sent', reportId: ack.id, attempts: next.attempts + 1, lastError: null })
    } catch (e) {
      const err = e as ErrorLike
      const lastError = { code: err.code ?? 'unknown', message: err.message ?? String(e), fields: err.fields ?? [] }
      if (isTransient(e)) {
        await save({ ...next, attempts: next.attempts + 1, nextAttemptAt: now() + delay(next.attempts + 1), lastError })
      } else {
        await save({ ...next, state: 'rejected', attempts: next.attempts + 1, lastError })
      }
    }
  }

  function schedule(): void {
    cancelTimer?.()
    cancelTimer = null
    if (stopped) return
    const due = [...items.values()].filter((i) => i.state === 'queued').map((i) => i.nextAttemptAt)
    if (!due.length) return
    cancelTimer = setTimer(
      () => {
        void flush()
      },
      Math.max(0, Math.min(...due) - now()),
    )
  }

  /** Send every report that is due, one at a time; resolves when none is due any more. */
  function flush(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      await load()
      do {
        again = false
        for (;;) {
          if (stopped) return
          const due = [...items.values()]
            .filter((i) => i.state === 'queued' && i.nextAttemptAt <= now())
            .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)[0]
          if (!due) break
          await attempt(due)
        }
      } while (again)
    })().finally(() => {
      running = null
      schedule()
    })
    return running
  }

  /** Store a report on the device, then try to send it. Resolves once it is stored. */
  async function add(draft: OutboxDraft): Promise<OutboxItem> {
    await load()
    const item: OutboxItem = {
      key: o.newKey(),
      formVersion: draft.formVersion,
      values: structuredClone(draft.values),
      files: (draft.files ?? []).map((f) => ({ ...f, uploadedId: null })),
      reportedAt: new Date(now()).toISOString(),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now(),
      lastError: null,
      reportId: null,
      summary: draft.summary,
    }
    await save(item)
    void flush()
    return copy(item)
  }

  /** Try every queued report now (the network came back, the user pressed retry). */
  async function retryNow(): Promise<void> {
    await load()
    for (const i of items.values()) if (i.state === 'queued') i.nextAttemptAt = now()
    return flush()
  }

  /** Put a refused report back in the queue with corrected values (same key: nothing was stored). */
  async function resend(key: string, values?: Record<string, unknown>): Promise<void> {
    const i = items.get(key)
    if (!i || i.state !== 'rejected') return
    await save({
      ...copy(i),
      values: values ? structuredClone(values) : i.values,
      state: 'queued',
      nextAttemptAt: now(),
      lastError: null,
    })
    void flush()
  }

  /**
   * The report once an attempt after the `attemptsBefore`th has an outcome (sent, refused, or
   * left queued after a failure), or as it is after `waitMs`: so the form can say what happened
   * to it. Null for a key the outbox does not hold.
   */
  function firstAttempt(key: string, waitMs: number, attemptsBefore = 0): Promise<OutboxItem | null> {
    const current = items.get(key)
    if (!current) return Promise.resolve(null)
    const decided = (i: OutboxItem) => i.state !== 'queued' || i.attempts > attemptsBefore
    if (decided(current)) return Promise.resolve(copy(current))
    return new Promise((resolve) => {
      const finish = (item: OutboxItem | undefined) => {
        waiters.delete(onSave)
        cancel()
        resolve(item ? copy(item) : null)
      }
      const onSave = (item: OutboxItem) => {
        if (item.key === key && decided(item)) finish(item)
      }
      const cancel = setTimer(() => finish(items.get(key)), waitMs)
      waiters.add(onSave)
    })
  }

  /** Remove a report from the device (a refused one the user gives up on, or an acknowledged one). */
  async function forget(key: string): Promise<void> {
    if (stopped) return
    items.delete(key)
    await o.store.remove(key)
    changed()
  }

  /**
   * Load the stored queue and send what is due: call once when the app starts (this is what
   * carries a report across a reload). Listens to `online` on `target` to retry at once.
   */
  function start(target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): Promise<void> {
    if (target) {
      const onOnline = () => {
        void retryNow()
      }
      target.addEventListener('online', onOnline)
      detach.push(() => target.removeEventListener('online', onOnline))
    }
    return flush()
  }

  /** Stop timers and listeners; nothing more is written (the page is going away). */
  function stop(): void {
    stopped = true
    cancelTimer?.()
    for (const d of detach.splice(0)) d()
  }

  return { add, flush, retryNow, resend, forget, firstAttempt, start, stop, items: snapshot, ready: load }
}

/** What {@link createOutbox} returns. */
export type Outbox = ReturnType<typeof createOutbox>
