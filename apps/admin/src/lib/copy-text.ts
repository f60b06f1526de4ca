/**
 * Put `text` on the clipboard; false where the browser or the DingTalk web view refuses (no
 * permission, not a secure context), so the caller can ask the person to select and copy it.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
