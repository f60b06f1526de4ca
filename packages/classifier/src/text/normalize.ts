/**
 * Fold full-width forms to ASCII without changing the string's length, so every index of the
 * folded text is the same index in the original. `Ａ１２３４５６（３）` becomes `A123456(3)`,
 * the ideographic space a plain space; everything else is kept.
 */
export function foldWidth(text: string): string {
  // Fast path: most text has no full-width forms at all.
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0)
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xFEE0)
  })
}

/** ASCII digit code point test. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57
}
