const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decode the five XML entities and numeric character references of a text node. */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g,
    (whole, hex?: string, dec?: string, name?: string) => {
      if (name) return ENTITIES[name]!
      const code = hex ? parseInt(hex, 16) : Number(dec)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    },
  )
}
