import { demoUser, makeSession, makeUser } from '@suite/domain/testing'
import { http, HttpResponse, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import type { SuiteApp, SuiteAppOverrides } from '../create-suite-app'
import { probePage, type ProbeLog } from './probe-page'

/** Base URL of the fake backend; msw in node needs an absolute one. */
export const TEST_API = 'http://api.test/api'

/** Options of {@link itSignsInAgainOverThePage}. */
export interface SessionExpiryTestOptions {
  /** The app's real routes; a probe page is added beside them. */
  routes?: RouteRecordRaw[]
  /** Demo user who signs in (IT's administrator by default: every app lets them in). */
  userId?: string
  /** More backend answers the app's own sign-in needs (the case room's device re-entry). */
  handlers?: RequestHandler[]
}

/** An `ErrorBody` as the server sends it. */
export const errorBody = (code: string) => ({ error: { code, message: code, fields: [], requestId: null } })

/**
 * The session-expiry flow, run against an app built by `make` (the app's real factory: its
 * shell, messages, API module and dependencies) with a fake backend (msw; any request it does
 * not expect fails): signed in, the person types on a page, the server answers 401 to a save,
 * the sign-in gate opens over the page, the person signs in again, and the page is still
 * there, never unmounted, with the typed text. Registers one vitest `it`. Test-only.
 *
 * @example
 * itSignsInAgainOverThePage((o) => createPortalApp(o), { routes })
 */
export function itSignsInAgainOverThePage(
  make: (overrides: SuiteAppOverrides) => SuiteApp,
  options: SessionExpiryTestOptions = {},
): void {
  const user = makeUser(demoUser(options.userId ?? 'u-lam'))
  const session = makeSession(user)
  const backend = { signedIn: true, devSignIns: 0, probes: 0 }
  const server = setupServer(
    http.get(`${TEST_API}/auth/session`, () =>
      backend.signedIn ? HttpResponse.json(session) : HttpResponse.json(errorBody('unauthenticated'), { status: 401 }),
    ),
    http.get(`${TEST_API}/auth/config`, () =>
      HttpResponse.json({
        corpId: session.org.corpId,
        devSignIn: true,
        devUsers: [{ id: user.id, name: user.name, role: user.role, title: null }],
      }),
    ),
    http.post(`${TEST_API}/auth/dev`, () => {
      backend.signedIn = true
      backend.devSignIns++
      return HttpResponse.json(session)
    }),
    http.get(`${TEST_API}/probe`, () => {
      backend.probes++
      if (!backend.signedIn) return HttpResponse.json(errorBody('session_expired'), { status: 401 })
      return HttpResponse.json({ ok: true })
    }),
    ...(options.handlers ?? []),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())

  it('signs in again over the page when the session ends mid-use, keeping what was typed', async () => {
    const log: ProbeLog = { mounted: 0, unmounted: 0, saves: [] }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/__probe', component: probePage(log) }, ...(options.routes ?? [])],
    })
    await router.push('/__probe')
    const suite = make({ router, apiOptions: { baseURL: TEST_API, retries: 0 }, locale: 'en', corpId: null })
    const el = document.createElement('div')
    document.body.append(el)
    await suite.mount(el)
    try {
      const note = await vi.waitFor(() => el.querySelector('textarea') ?? Promise.reject(new Error('no page yet')), {
        timeout: 5000,
      })
      note.value = 'Half-written note'
      note.dispatchEvent(new Event('input'))

      // The server ends the session; the next save is refused with 401.
      backend.signedIn = false
      el.querySelector<HTMLButtonElement>('.probe-save')!.click()
      const button = await vi.waitFor(
        () =>
          el.querySelector<HTMLButtonElement>(`button[aria-label="Sign in as ${user.name}"]`) ??
          Promise.reject(new Error('no picker yet')),
        { timeout: 5000 },
      )
      expect(el.querySelector('.suite-sign-in-gate--overlay')?.getAttribute('role')).toBe('dialog')
      expect(note.isConnected).toBe(true)

      button.click()
      await vi.waitFor(() => expect(el.querySelector('.suite-sign-in-gate')).toBeNull(), { timeout: 5000 })
      expect(backend.devSignIns).toBe(1)
      expect(el.querySelector('textarea')).toBe(note)
      expect(note.value).toBe('Half-written note')
      expect(log).toEqual({ mounted: 1, unmounted: 0, saves: ['failed'] })

      // Signed in again, the same page saves.
      el.querySelector<HTMLButtonElement>('.probe-save')!.click()
      await vi.waitFor(() => expect(log.saves).toEqual(['failed', 'saved']))
    } finally {
      suite.app.unmount()
      el.remove()
    }
  }, 30_000)
}
