import type { z } from 'zod'
import { dingtalkApi, type JsapiSignature, type JsapiSignatureRequest } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** What the DingTalk JSAPI needs from the server. */
export function dingtalkResource(http: Http) {
  return {
    /** The `dd.config` signature for the page at `url` (without its `#fragment`). */
    jsapiSignature: (body: z.input<typeof JsapiSignatureRequest>, opts?: RequestOptions): Promise<JsapiSignature> =>
      http.call(dingtalkApi.jsapiSignature, { body }, opts),
  }
}

/** The `dingtalk` resource of an `ApiClient`. */
export type DingtalkResource = ReturnType<typeof dingtalkResource>
