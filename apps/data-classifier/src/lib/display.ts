import { redactText } from '@suite/classifier'

const cache = new Map<string, string>()

/** A source name as shown: a file named after a client's HKID shows it masked, like every value. */
export function displayName(name: string): string {
  let shown = cache.get(name)
  if (shown === undefined) {
    shown = redactText(name)
    if (cache.size > 5000) cache.clear()
    cache.set(name, shown)
  }
  return shown
}
