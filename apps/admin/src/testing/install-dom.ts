import { Window } from 'happy-dom'

/**
 * Put a happy-dom window's DOM globals on a Node test (environment `node`), for the few tests
 * that run the real backend in process and also mount components. Call it before importing Vue.
 */
export function installDom(): void {
  const win = new Window({ url: 'http://localhost/' })
  const g = globalThis as Record<string, unknown>
  const keep = new Set([
    'URL',
    'URLSearchParams',
    'fetch',
    'Request',
    'Response',
    'Headers',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'crypto',
    'performance',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'queueMicrotask',
    'structuredClone',
    'Blob',
    'FormData',
    'console',
    'process',
    'Buffer',
  ])
  for (const key of Object.getOwnPropertyNames(win)) {
    if (keep.has(key) || key in g || key.startsWith('_')) continue
    try {
      g[key] = (win as unknown as Record<string, unknown>)[key]
    } catch {
      /* read-only on this runtime */
    }
  }
  for (const key of [
    'window',
    'document',
    'navigator',
    'location',
    'Event',
    'EventTarget',
    'CustomEvent',
    'File',
    'FileList',
  ]) {
    try {
      g[key] = key === 'window' ? win : (win as unknown as Record<string, unknown>)[key]
    } catch {
      /* keep Node's */
    }
  }
}
