// @vitest-environment node
/**
 * The form engine's round trip, at server + component level (the e2e version clicks the same
 * path in a browser): an administrator edits a form and publishes it (with a step-up), a staff
 * member's app fetches the running version, renders it with SchemaForm in each language, submits,
 * and the server validates the submission with the same engine. Real backend (in process), real
 * API client, real renderer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient, isApiError, type ApiClient, type ApiClientOptions } from '@suite/api-client'
import type { FieldError, Locale } from '@suite/domain'
import { FormSchema, errorsAt, type FormSchemaInput } from '@suite/forms'
import { SAMPLE_FORM } from '@suite/forms/testing'
import { createTestApp, type TestApp } from '@suite/mock-server/testing'
import { installDom } from './testing/install-dom'

// The backend needs Node's environment (file URLs, PGlite); the renderer needs a DOM. Install a
// happy-dom window as globals first, then load Vue and the renderer on top of it.
installDom()
const { flushPromises, mount } = await import('@vue/test-utils')
const { ElFormItem } = await import('element-plus')
const { defineComponent, h, ref } = await import('vue')
const { SchemaForm } = await import('@suite/forms/vue')

let t: TestApp
type Adapter = NonNullable<ApiClientOptions['adapter']>
type AdapterResponse = Awaited<ReturnType<Adapter>>

/** An API client whose requests go to the in-process backend, with its own cookie jar. */
function clientFor(): ApiClient {
  const jar = new Map<string, string>()
  const adapter: Adapter = async (config) => {
    const raw = config.url ?? ''
    const url = new URL(/^https?:/.test(raw) ? raw : `${config.baseURL ?? ''}${raw}`)
    for (const [k, v] of Object.entries(config.params ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(config.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await t.app.inject({
      method: (config.method ?? 'get').toUpperCase() as 'GET',
      url: url.pathname + url.search,
      headers,
      payload: config.data as string | undefined,
    })
    for (const c of res.cookies) jar.set(c.name, c.value)
    const response: AdapterResponse = {
      data: res.body ? JSON.parse(res.body) : undefined,
      status: res.statusCode,
      statusText: res.statusMessage,
      headers: res.headers as AdapterResponse['headers'],
      config,
      request: {},
    }
    const ok = config.validateStatus ? config.validateStatus(res.statusCode) : res.statusCode < 300
    if (ok) return response
    throw Object.assign(new Error(`HTTP ${res.statusCode}`), {
      isAxiosError: true,
      response,
      config,
      toJSON: () => ({}),
    })
  }
  return createApiClient({ baseURL: 'http://suite.test/api', adapter, retries: 0 })
}

const edited: FormSchemaInput = structuredClone(SAMPLE_FORM)
edited.fields[3]!.label = { 'zh-HK': '對方聲稱的身份', 'zh-CN': '对方声称的身份', en: 'Who they said they were' }

let staff: ApiClient
beforeAll(async () => {
  t = await createTestApp()
  const admin = clientFor()
  await admin.auth.devSignIn({ userId: 'u-lam' })
  // Edit: save the draft, review the diff.
  await admin.lowcode.saveDraft('form', 'round-trip', edited as Record<string, unknown>)
  const diff = await admin.lowcode.diff('form', 'round-trip')
  expect(diff.changes.length).toBeGreaterThan(0)
  // Publish: refused until the administrator confirms with DingTalk, then accepted.
  await expect(admin.lowcode.publish('form', 'round-trip', diff.draftHash!)).rejects.toMatchObject({
    code: 'step_up_required',
  })
  const code = (
    await t.sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid: 'dt-u-lam' } })
  ).json<{ code: string }>().code
  await admin.admin.stepUp.confirm({ method: 'dingtalk', code })
  expect((await admin.lowcode.publish('form', 'round-trip', diff.draftHash!)).version).toBe(1)
  staff = clientFor()
  await staff.auth.devSignIn({ userId: 'u-lee' })
}, 120_000)
afterAll(async () => {
  await t.close()
})

function mountForm(
  schema: FormSchema,
  locale: Locale,
  initial: Record<string, unknown>,
  serverErrors: FieldError[] = [],
) {
  const values = ref<Record<string, unknown>>(initial)
  const submitted: Record<string, unknown>[] = []
  const wrapper = mount(
    defineComponent({
      setup: () => () =>
        h(SchemaForm, {
          schema,
          locale,
          serverErrors,
          modelValue: values.value,
          'onUpdate:modelValue': (v: Record<string, unknown>) => {
            values.value = v
          },
          onSubmit: (v: Record<string, unknown>) => submitted.push(v),
        }),
    }),
    { attachTo: document.body },
  )
  const errorOf = (name: string) =>
    wrapper
      .findAllComponents(ElFormItem)
      .find((c) => c.attributes('data-field') === name)
      ?.props('error')
  return { wrapper, submitted, errorOf }
}

describe('form round trip (edit -> publish -> render -> submit -> server validation)', () => {
  it.each([
    ['zh-HK', '對方聲稱的身份', '請輸入有效的香港、澳門或內地電話號碼'],
    ['zh-CN', '对方声称的身份', '请输入有效的香港、澳门或内地电话号码'],
    ['en', 'Who they said they were', 'Enter a valid Hong Kong, Macau or mainland phone number'],
  ] as const)(
    '%s',
    async (locale, editedLabel, phoneMessage) => {
      // Render: the running version, fetched at runtime, with the edit in it.
      const published = await staff.lowcode.published('form', 'round-trip')
      const schema = FormSchema.parse(published.body)
      const { wrapper, submitted } = mountForm(schema, locale, { channel: 'phone', when: '2026-03-02' })
      await flushPromises()
      expect(wrapper.findAll('.el-form-item__label').map((l) => l.text())).toContain(editedLabel)

      // Submit: typed into the rendered inputs; the form hands over cleaned values.
      await wrapper.find('[data-field="phone"] input').setValue('6123 4567')
      await wrapper.find('[data-field="claimed"] input').setValue('釘釘客服')
      await wrapper.find('form').trigger('submit')
      expect(submitted).toHaveLength(1)

      // Server validation: the same engine accepts it against the running version.
      const accepted = await staff.lowcode.checkForm('round-trip', submitted[0]!)
      expect(accepted).toEqual({
        ok: true,
        version: published.version,
        values: { channel: 'phone', phone: '+85261234567', claimed: '釘釘客服', when: '2026-03-02' },
      })

      // A submission the server refuses comes back as field errors the form shows in this language.
      const refused = await staff.lowcode
        .checkForm('round-trip', { ...submitted[0]!, phone: '4123 4567' })
        .catch((e: unknown) => e)
      expect(isApiError(refused) && refused.code).toBe('validation_failed')
      const fields = errorsAt(isApiError(refused) ? refused.fields : [], 'values')
      expect(fields).toEqual([{ path: 'phone', code: 'invalid_phone', message: 'Not a valid phone number' }])
      const again = mountForm(schema, locale, { ...submitted[0]!, phone: '4123 4567' }, fields)
      await flushPromises()
      expect(again.errorOf('phone')).toBe(phoneMessage)
      wrapper.unmount()
      again.wrapper.unmount()
    },
    30_000,
  )
})
