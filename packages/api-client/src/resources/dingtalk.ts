import type { z } from 'zod'
import { JsapiSignature, type JsapiSignatureRequest } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** `/dingtalk/*`: what the DingTalk JSAPI needs from the server. */
export function dingtalkResource(http: Http) {
  return {
    /** The `dd.config` signature for the page at `url` (without its `#fragment`). */
    jsapiSignature: (body: z.input<typeof JsapiSignatureRequest>, opts?: RequestOptions): Promise<JsapiSignature> =>
      http.request(JsapiSignature, { method: 'POST', url: '/dingtalk/jsapi-signature', data: body }, opts),
  }
}

/** The `dingtalk` resource of an `ApiClient`. */
export type DingtalkResource = ReturnType<typeof dingtalkResource>
