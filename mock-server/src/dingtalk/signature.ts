import { createHash } from 'node:crypto'

/**
 * The `dd.config` signature: sha1hex of `jsapi_ticket=T&noncestr=N&timestamp=S&url=U`, where
 * U is the page URL without its `#fragment` (and without a default `:443` / `:80` port, a common
 * cause of error 52013).
 */
export function jsapiSignature(ticket: string, nonceStr: string, timeStamp: number, url: string): string {
  return createHash('sha1')
    .update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timeStamp}&url=${normaliseSignedUrl(url)}`)
    .digest('hex')
}

/** Drop the fragment and a default port; keep the query exactly as the page has it. */
export function normaliseSignedUrl(url: string): string {
  const noHash = url.split('#')[0]!
  return noHash.replace(/^(https:\/\/[^/:]+):443(?=\/|$|\?)/, '$1').replace(/^(http:\/\/[^/:]+):80(?=\/|$|\?)/, '$1')
}
